"""Names of the kinds in the site languages, for search documents and results (no heavy imports)."""

from __future__ import annotations

KIND_LABELS: dict[str, dict[str, str]] = {
    "standard": {"en": "standard", "pl": "standard", "el": "πρότυπο", "ro": "standard"},
    "practice": {"en": "good practice", "pl": "dobra praktyka", "el": "καλή πρακτική", "ro": "bună practică"},
    "principle": {"en": "principle", "pl": "zasada", "el": "αρχή", "ro": "principiu"},
    "checklist": {"en": "checklist", "pl": "lista kontrolna", "el": "λίστα ελέγχου", "ro": "listă de verificare"},
    "role": {"en": "role", "pl": "rola", "el": "ρόλος", "ro": "rol"},
    "competency": {"en": "competency", "pl": "kompetencja", "el": "δεξιότητα", "ro": "competență"},
    "path": {"en": "onboarding path", "pl": "ścieżka wdrożenia", "el": "διαδρομή ένταξης",
             "ro": "parcurs de integrare"},
}


def kind_label(kind: str, lang: str) -> str:
    """'lista kontrolna' for a checklist in Polish; the English name, then the kind, as fallbacks."""
    labels = KIND_LABELS.get(kind, {})
    return labels.get(lang) or labels.get(lang.split("-")[0]) or labels.get("en") or kind
