"""Short texts the site shows for the lifecycle (review badge, outdated-translation marker, history).

In the starter languages; any other language gets the English text. `{due}`,
`{reviewed}` and `{date}` are ISO dates (YYYY-MM-DD).
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "review.overdue": {
        "en": "Review overdue since {due}",
        "pl": "Przegląd zaległy od {due}",
        "el": "Η αναθεώρηση εκκρεμεί από {due}",
        "ro": "Revizuire restantă din {due}",
    },
    "review.due": {
        "en": "Review due by {due}",
        "pl": "Przegląd do {due}",
        "el": "Αναθεώρηση έως {due}",
        "ro": "Revizuire până la {due}",
    },
    "review.never": {
        "en": "Not reviewed yet",
        "pl": "Jeszcze nieprzeglądany",
        "el": "Δεν έχει αναθεωρηθεί ακόμη",
        "ro": "Nerevizuit încă",
    },
    "review.current": {
        "en": "Reviewed {reviewed} · next review by {due}",
        "pl": "Przegląd {reviewed} · następny do {due}",
        "el": "Αναθεώρηση {reviewed} · επόμενη έως {due}",
        "ro": "Revizuit {reviewed} · următoarea revizuire până la {due}",
    },
    "translation.outdated": {
        "en": "Outdated translation",
        "pl": "Nieaktualne tłumaczenie",
        "el": "Μη ενημερωμένη μετάφραση",
        "ro": "Traducere neactualizată",
    },
    "translation.outdated.note": {
        "en": "The original text has changed since this page was translated; parts of it may no longer match.",
        "pl": "Tekst oryginalny zmienił się od czasu tłumaczenia tej strony; jej fragmenty mogą być nieaktualne.",
        "el": "Το πρωτότυπο κείμενο άλλαξε μετά τη μετάφραση αυτής της σελίδας· ορισμένα σημεία ίσως δεν ισχύουν πια.",
        "ro": "Textul original s-a schimbat de la traducerea acestei pagini; "
        "unele părți s-ar putea să nu mai corespundă.",
    },
    "history.title": {
        "en": "Recent changes",
        "pl": "Ostatnie zmiany",
        "el": "Πρόσφατες αλλαγές",
        "ro": "Modificări recente",
    },
    "history.last_changed": {
        "en": "Last changed {date}",
        "pl": "Ostatnia zmiana {date}",
        "el": "Τελευταία αλλαγή {date}",
        "ro": "Ultima modificare {date}",
    },
}


def label(key: str, lang: str, **values: object) -> str:
    """The label `key` in `lang` (English when not translated), with `values` filled in."""
    texts = LABELS[key]
    return texts.get(lang, texts["en"]).format(**values)
