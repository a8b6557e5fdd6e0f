"""Synthetic knowledge bases for benchmarks: `generate(root, n_standards)` writes a complete, valid one.

The text is built from word lists of real contact-centre vocabulary, with the
Polish nouns in the case each sentence needs (reklamacja, reklamacji,
reklamację, ...), so stemming and search see realistic words. Everything is
deterministic for a given seed. Languages other than en and pl get the English
text (there is no vocabulary for them).

    python bench/synth.py OUT N [--languages en,pl] [--seed 0]

Other benchmarks import it: `sys.path.insert(0, "bench"); from synth import generate`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from pathlib import Path

__all__ = ["generate"]

# (key, English, Polish nominative, genitive, accusative, locative, instrumental, area)
TOPICS = [
    ("complaint", "complaint", "reklamacja", "reklamacji", "reklamację", "reklamacji", "reklamacją", "complaints"),
    ("return", "return", "zwrot", "zwrotu", "zwrot", "zwrocie", "zwrotem", "complaints"),
    ("warranty-claim", "warranty claim", "zgłoszenie gwarancyjne", "zgłoszenia gwarancyjnego",
     "zgłoszenie gwarancyjne", "zgłoszeniu gwarancyjnym", "zgłoszeniem gwarancyjnym", "complaints"),
    ("invoice", "invoice", "faktura", "faktury", "fakturę", "fakturze", "fakturą", "billing"),
    ("payment", "payment", "płatność", "płatności", "płatność", "płatności", "płatnością", "billing"),
    ("refund", "refund", "zwrot pieniędzy", "zwrotu pieniędzy", "zwrot pieniędzy", "zwrocie pieniędzy",
     "zwrotem pieniędzy", "billing"),
    ("delivery", "delivery", "dostawa", "dostawy", "dostawę", "dostawie", "dostawą", "delivery"),
    ("damaged-parcel", "damaged parcel", "uszkodzona przesyłka", "uszkodzonej przesyłki", "uszkodzoną przesyłkę",
     "uszkodzonej przesyłce", "uszkodzoną przesyłką", "delivery"),
    ("order", "order", "zamówienie", "zamówienia", "zamówienie", "zamówieniu", "zamówieniem", "sales"),
    ("contract", "contract", "umowa", "umowy", "umowę", "umowie", "umową", "sales"),
    ("cancellation", "cancellation", "rezygnacja", "rezygnacji", "rezygnację", "rezygnacji", "rezygnacją", "sales"),
    ("outage", "service outage", "awaria usługi", "awarii usługi", "awarię usługi", "awarii usługi",
     "awarią usługi", "technical-support"),
    ("password-reset", "password reset", "reset hasła", "resetu hasła", "reset hasła", "resecie hasła",
     "resetem hasła", "technical-support"),
    ("appointment", "appointment", "wizyta", "wizyty", "wizytę", "wizycie", "wizytą", "branch-service"),
    ("address-change", "address change", "zmiana adresu", "zmiany adresu", "zmianę adresu", "zmianie adresu",
     "zmianą adresu", "branch-service"),
    ("data-request", "personal data request", "wniosek o dane", "wniosku o dane", "wniosek o dane",
     "wniosku o dane", "wnioskiem o dane", "privacy"),
    ("consent", "marketing consent", "zgoda marketingowa", "zgody marketingowej", "zgodę marketingową",
     "zgodzie marketingowej", "zgodą marketingową", "privacy"),
]
AREAS = {
    "complaints": ("Complaints and returns", "Reklamacje i zwroty"),
    "billing": ("Billing and payments", "Rozliczenia i płatności"),
    "delivery": ("Delivery", "Dostawy"),
    "sales": ("Sales and contracts", "Sprzedaż i umowy"),
    "technical-support": ("Technical support", "Wsparcie techniczne"),
    "branch-service": ("Branch service", "Obsługa w oddziale"),
    "privacy": ("Privacy and personal data", "Prywatność i dane osobowe"),
}
# key -> (name en, name pl, "by phone", "telefonicznie")
CHANNELS = {
    "phone": ("Phone", "Telefon", "by phone", "przez telefon"),
    "email": ("Email", "E-mail", "by email", "e-mailem"),
    "chat": ("Chat", "Czat", "in the chat", "na czacie"),
    "branch": ("Branch", "Oddział", "at the branch", "w oddziale"),
    "social": ("Social media", "Media społecznościowe", "on social media", "w mediach społecznościowych"),
}
LEVELS = [("Aware", "Zna"), ("Practising with help", "Stosuje z pomocą"), ("Independent", "Samodzielny"),
          ("Expert who teaches others", "Ekspert, uczy innych")]
PRINCIPLES = {
    "convenience": ("Convenience", "Wygoda", "Customers want to deal with us where and when it suits them.",
                    "Klient chce załatwiać sprawy tam i wtedy, kiedy mu wygodnie."),
    "speed": ("Speed", "Szybkość", "Customers value their time; every wait is short and explained.",
              "Klient ceni swój czas; każde oczekiwanie jest krótkie i wyjaśnione."),
    "effectiveness": ("Effectiveness", "Skuteczność", "The problem is solved, not only answered.",
                      "Problem zostaje rozwiązany, a nie tylko obsłużony."),
    "personal-attention": ("Personal attention", "Indywidualne podejście",
                           "The customer is treated as a person, not a ticket number.",
                           "Klient jest traktowany jak człowiek, a nie numer zgłoszenia."),
    "trust": ("Trust", "Zaufanie", "We keep every promise we make to a customer.",
              "Dotrzymujemy każdej obietnicy złożonej klientowi."),
    "consistency": ("Consistency", "Spójność", "Every branch and channel serves customers the same way.",
                    "Każdy oddział i kanał obsługuje klientów w ten sam sposób."),
}
# role id -> (en, pl, description en, description pl)
ROLES = {
    "agent": ("Customer service agent", "Konsultant", "Answers customers by phone, email and chat.",
              "Odpowiada klientom przez telefon, e-mailem i na czacie."),
    "senior-agent": ("Senior agent", "Starszy konsultant", "Handles escalated cases and helps new colleagues.",
                     "Prowadzi trudniejsze sprawy i pomaga nowym kolegom."),
    "branch-advisor": ("Branch advisor", "Doradca w oddziale", "Serves customers face to face at a branch.",
                       "Obsługuje klientów osobiście w oddziale."),
    "back-office-specialist": ("Back-office specialist", "Specjalista back-office",
                               "Settles complaints, refunds and invoices behind the scenes.",
                               "Rozpatruje reklamacje, zwroty i faktury na zapleczu."),
    "team-lead": ("Team lead", "Lider zespołu", "Leads a team of agents and coaches them every week.",
                  "Prowadzi zespół konsultantów i co tydzień ich szkoli."),
    "quality-coach": ("Quality coach", "Trener jakości", "Listens to calls and runs quality audits.",
                      "Odsłuchuje rozmowy i prowadzi audyty jakości."),
    "customer-care-lead": ("Head of customer care", "Kierownik obsługi klienta",
                           "Owns the service standards of the whole company.",
                           "Odpowiada za standardy obsługi w całej firmie."),
}
COMPETENCIES = {
    "active-listening": ("Active listening", "Aktywne słuchanie", "universal"),
    "empathy": ("Empathy", "Empatia", "universal"),
    "clear-writing": ("Clear writing", "Jasne pisanie", "universal"),
    "de-escalation": ("Calming difficult conversations", "Łagodzenie trudnych rozmów", "universal"),
    "time-management": ("Time management", "Zarządzanie czasem", "universal"),
    "product-knowledge": ("Product knowledge", "Znajomość produktów", "company"),
    "complaint-law": ("Consumer law on complaints", "Prawo konsumenckie w reklamacjach", "company"),
    "crm-system": ("Working in the CRM", "Praca w systemie CRM", "company"),
    "billing-rules": ("Billing rules", "Zasady rozliczeń", "company"),
    "data-protection": ("Personal data protection", "Ochrona danych osobowych", "company"),
    "coaching": ("Coaching others", "Szkolenie innych", "universal"),
}
SEGMENTS = [
    ("", ""), (" for business customers", " dla klientów biznesowych"),
    (" for senior customers", " dla klientów seniorów"),
    (" for new customers", " dla nowych klientów"), (" for premium customers", " dla klientów premium"),
    (" for customers abroad", " dla klientów z zagranicy"), (" during peak season", " w okresie największego ruchu"),
]
# Sentences with {en} (topic), {nom} {gen} {acc} {loc} {ins} (Polish cases), {ch}/{chp} (channel), {n}.
TITLES = [
    ("Confirm every {en} within {n} hours", "Potwierdzaj przyjęcie: {nom} w ciągu {n} godzin"),
    ("Close a typical {en} at the first contact", "Zamykaj typową sprawę ({acc}) przy pierwszym kontakcie"),
    ("Explain the next steps of a {en} {ch}", "Wyjaśniaj {chp} kolejne kroki: {nom}"),
    ("Keep the customer informed about a {en}", "Informuj klienta o postępach w sprawie {gen}"),
    ("Record every {en} in the CRM", "Rejestruj {acc} w systemie CRM"),
    ("Hand over a {en} without making the customer repeat it", "Przekazuj {acc} dalej bez powtarzania historii"),
    ("Call back about a {en} when promised", "Oddzwaniaj w sprawie {gen} w obiecanym terminie"),
    ("Offer a remedy for a {en} you may decide alone", "Proponuj rozwiązanie dla {gen}, o którym decydujesz sam"),
]
STATEMENTS = [
    ("At least {p} % of customers who report a {en} {ch} get an answer within {n} hours.",
     "Co najmniej {p} % klientów, którzy zgłaszają {acc} {chp}, dostaje odpowiedź w ciągu {n} godzin."),
    ("Every {en} is registered in the CRM before the contact ends.",
     "Każda sprawa ({nom}) jest zarejestrowana w systemie CRM przed zakończeniem kontaktu."),
    ("The customer hears the expected date of the {en} decision before hanging up.",
     "Klient słyszy przewidywaną datę decyzji w sprawie {gen}, zanim zakończy rozmowę."),
    ("No customer is transferred more than once while reporting a {en}.",
     "Żaden klient nie jest przełączany więcej niż raz podczas zgłaszania: {nom}."),
]
SENTENCES = [
    ("Listen to the whole story of the {en} before asking questions.",
     "Wysłuchaj całej historii dotyczącej {gen}, zanim zadasz pytania."),
    ("Repeat the key facts of the {en} in your own words.",
     "Powtórz własnymi słowami najważniejsze fakty o {loc}."),
    ("Check the customer's history in the CRM before you answer.",
     "Sprawdź historię klienta w systemie CRM, zanim odpowiesz."),
    ("Tell the customer when they will hear from us again.",
     "Powiedz klientowi, kiedy znowu się z nim skontaktujemy."),
    ("Write down what was agreed about the {en} and send a summary {ch}.",
     "Zapisz ustalenia dotyczące {gen} i wyślij podsumowanie {chp}."),
    ("Offer a remedy from the list you may decide alone.",
     "Zaproponuj rozwiązanie z listy, o której możesz zdecydować sam."),
    ("Apologise once, sincerely, and move on to solving the {en}.",
     "Przeproś raz, szczerze, i przejdź do rozwiązania sprawy ({nom})."),
    ("Ask a colleague from the back office when the {en} needs a second opinion.",
     "Poproś kolegę z zaplecza o opinię, gdy {nom} wymaga konsultacji."),
    ("Close the {en} in the CRM only after the customer confirms it is settled.",
     "Zamknij sprawę ({acc}) w systemie CRM dopiero, gdy klient potwierdzi jej załatwienie."),
    ("Never blame another department in front of the customer.",
     "Nigdy nie obwiniaj innego działu przy kliencie."),
    ("A customer who has to repeat a {en} three times stops trusting us.",
     "Klient, który trzy razy powtarza swoją sprawę ({acc}), przestaje nam ufać."),
    ("Offer the customer a written confirmation {ch}.", "Zaproponuj klientowi pisemne potwierdzenie {chp}."),
    ("Check whether the {en} is within the legal deadline.", "Sprawdź, czy {nom} mieści się w ustawowym terminie."),
    ("Give the customer the case number of the {en}.", "Podaj klientowi numer sprawy dotyczącej {gen}."),
    ("If you promise a call back, put it in the calendar at once.",
     "Jeśli obiecujesz oddzwonić, od razu wpisz to do kalendarza."),
    ("Do not ask for documents the customer already sent us.",
     "Nie proś o dokumenty, które klient już nam przesłał."),
    ("Use the customer's name and avoid internal jargon.", "Zwracaj się do klienta po nazwisku i unikaj żargonu."),
    ("Customers remember how a {en} was handled longer than the product itself.",
     "Klienci dłużej pamiętają obsługę, jaką dostali przy {loc}, niż sam produkt."),
]


def _fill(template: tuple[str, str], topic: tuple[str, ...], ch: str, n: int, p: int) -> tuple[str, str]:
    forms = dict(zip(("key", "en", "nom", "gen", "acc", "loc", "ins"), topic[:7], strict=True))
    channel = CHANNELS[ch]
    values = {**forms, "ch": channel[2], "chp": channel[3], "n": n, "p": p}
    english = re.sub(r"\ba (?=[aeiou])", "an ", template[0].format(**values))
    return english, template[1].format(**values)


def _quote(text: str, flow: bool = False) -> str:
    """A YAML scalar: plain when safe, else double-quoted (JSON strings are valid YAML)."""
    unsafe = ":#,{}[]\"'\n" if flow else ":#{}[]\"'\n"
    if text[:1].isalnum() and not text.endswith(" ") and not any(c in unsafe for c in text):
        return text
    return json.dumps(text, ensure_ascii=False)


class _Writer:
    """Turns (en, pl) pairs into the languages asked for, and writes YAML the way people do."""

    def __init__(self, root: Path, languages: tuple[str, ...]) -> None:
        self.root = root
        self.languages = languages

    def texts(self, en: str, pl: str) -> dict[str, str]:
        return {lang: pl if lang == "pl" else en for lang in self.languages}

    def flow(self, en: str, pl: str) -> str:
        return "{" + ", ".join(f"{k}: {_quote(v, flow=True)}" for k, v in self.texts(en, pl).items()) + "}"

    def block(self, en: str, pl: str, indent: int) -> str:
        pad = " " * indent
        return "".join(f"\n{pad}{k}: {_quote(v)}" for k, v in self.texts(en, pl).items())

    def listed(self, pairs: list[tuple[str, str]], indent: int) -> str:
        out = []
        for en, pl in pairs:
            lines = [f"{k}: {_quote(v)}" for k, v in self.texts(en, pl).items()]
            out.append(f"\n{' ' * indent}- " + f"\n{' ' * (indent + 2)}".join(lines))
        return "".join(out)

    def write(self, relative: str, kind: str, body: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        depth = relative.count("/")
        header = f"# yaml-language-server: $schema={'../' * depth}.kb/schema/{kind}.json\nkind: {kind}\n"
        path.write_text(header + body.lstrip("\n") + "\n", encoding="utf-8")


def generate(root: Path, n_standards: int, languages: tuple[str, ...] = ("en", "pl"), seed: int = 0) -> Path:
    """Write a valid knowledge base with `n_standards` standards under `root`; returns the mkdocs.yml path."""
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        config = root / "mkdocs.yml"
        if not (config.is_file() and "Synthetic Service Standards" in config.read_text(encoding="utf-8")):
            raise FileExistsError(f"{root} is not empty and not a synthetic knowledge base; refusing to replace it")
        shutil.rmtree(root)
    root.mkdir(parents=True)
    languages = tuple(languages)
    rng = random.Random(seed)
    w = _Writer(root, languages)
    config = root / "mkdocs.yml"
    config.write_text(
        f"site_name: Synthetic Service Standards ({n_standards})\ntheme:\n  name: material\n"
        f"kb:\n  content: [standards, onboarding]\n  languages: [{', '.join(languages)}]\n",
        encoding="utf-8",
    )
    _taxonomy(w)
    for key, (en, pl, sen, spl) in PRINCIPLES.items():
        w.write(f"standards/principles/{key}.yaml", "principle",
                f"id: {key}\ntitle: {w.flow(en, pl)}\nsummary:{w.block(sen, spl, 2)}\n")
    for key, (en, pl, category) in COMPETENCIES.items():
        levels = "".join(f"\n  {i}: {w.flow(f'{le}: {en.lower()}', f'{lp}: {pl.lower()}')}"
                         for i, (le, lp) in enumerate(LEVELS, 1))
        w.write(f"onboarding/competencies/{key}.yaml", "competency",
                f"id: {key}\ntitle: {w.flow(en, pl)}\ncategory: {category}\nlevels:{levels}\n")
    for key, (en, pl, den, dpl) in ROLES.items():
        chosen = rng.sample(sorted(COMPETENCIES), 4)
        profile = "".join(f"\n  {c}: {rng.randint(1, 4)}" for c in sorted(chosen))
        w.write(f"onboarding/roles/{key}.yaml", "role",
                f"id: {key}\ntitle: {w.flow(en, pl)}\ndescription:{w.block(den, dpl, 2)}\ncompetencies:{profile}\n")
    practices = _practices(w, rng, max(5, n_standards // 10))
    standards = [_standard(w, rng, i, practices) for i in range(n_standards)]
    _checklists(w, rng, standards, max(3, n_standards // 20))
    _paths(w, rng, standards)
    return config


def _taxonomy(w: _Writer) -> None:
    levels = "".join(f"\n  {i}: {w.flow(en, pl)}" for i, (en, pl) in enumerate(LEVELS, 1))
    areas = "".join(f"\n  {key}: {w.flow(en, pl)}" for key, (en, pl) in AREAS.items())
    channels = "".join(f"\n  {key}: {w.flow(en, pl)}" for key, (en, pl, _, _) in CHANNELS.items())
    w.write("standards/taxonomy.yaml", "taxonomy",
            f"id: taxonomy\ntitle: {w.flow('Taxonomy', 'Taksonomia')}\n"
            f"levels:{levels}\nareas:{areas}\nchannels:{channels}\n")


def _practices(w: _Writer, rng: random.Random, count: int) -> list[str]:
    """Practices; every seventh is rejected, the others get adopted by standards."""
    ids = []
    for i in range(count):
        topic = TOPICS[i % len(TOPICS)]
        ch = rng.choice(sorted(CHANNELS))
        title = _fill(("Let the first person settle a {en}", "Niech pierwsza osoba załatwi sprawę ({acc})"),
                      topic, ch, 0, 0)
        problem = _fill(rng.choice(SENTENCES), topic, ch, 0, 0)
        actions = [_fill(s, topic, ch, 0, 0) for s in rng.sample(SENTENCES, 2)]
        practice_id = f"{topic[0]}-practice-{i + 1}"
        body = (f"id: {practice_id}\ntitle: {w.flow(*title)}\nproblem:{w.block(*problem, 2)}\n"
                f"actions:{w.listed(actions, 2)}\nproposed_by: Customer care team\n")
        if i % 7 == 6:
            body += f"rejected:{w.block('Too costly for our volume.', 'Zbyt kosztowne przy naszej skali.', 2)}\n"
        else:
            ids.append(practice_id)
        w.write(f"standards/practices/{practice_id}.yaml", "practice", body)
    return ids


def _standard(w: _Writer, rng: random.Random, i: int, practices: list[str]) -> str:
    topic = TOPICS[i % len(TOPICS)]
    area = topic[7]
    channels = sorted(rng.sample(sorted(CHANNELS), rng.randint(1, 3)))
    ch = channels[0]
    n, p = rng.choice((4, 8, 24, 48)), rng.choice((70, 80, 90, 95))
    title = _fill(TITLES[(i // len(TOPICS)) % len(TITLES)], topic, ch, n, p)
    segment = SEGMENTS[(i // (len(TOPICS) * len(TITLES))) % len(SEGMENTS)]
    title = (title[0] + segment[0], title[1] + segment[1])
    standard_id = f"{topic[0]}-{i + 1}"
    roles = sorted(rng.sample(sorted(ROLES), rng.randint(1, 3)))
    principles = sorted(rng.sample(sorted(PRINCIPLES), 2))
    fill = [_fill(s, topic, ch, n, p) for s in rng.sample(SENTENCES, 8)]
    measure = (f"\n  - name: {w.flow('Answered on time', 'Odpowiedź na czas')}\n"
               f"    target: \">= {p} %\"\n    how: {w.flow('Weekly CRM report', 'Tygodniowy raport z CRM')}")
    body = (
        f"id: {standard_id}\ntitle:{w.block(*title, 2)}\nsummary:{w.block(*fill[0], 2)}\n"
        f"area: {area}\nchannels: [{', '.join(channels)}]\nroles: [{', '.join(roles)}]\n"
        f"principles: [{', '.join(principles)}]\n"
        f"statement:{w.block(*_fill(rng.choice(STATEMENTS), topic, ch, n, p), 2)}\n"
        f"why:{w.block(*fill[1], 2)}\nsteps:{w.listed(fill[2:5], 2)}\nmeasures:{measure}\n"
        f"do:{w.listed(fill[5:7], 2)}\ndont:{w.listed(fill[7:8], 2)}\n"
    )
    if practices:
        body += f"adopted_from: {practices[i % len(practices)]}\n"
    if i >= len(TOPICS):  # the previous standard on the same topic
        body += f"related: [{topic[0]}-{i + 1 - len(TOPICS)}]\n"
    owner = "customer-care-lead" if i % 3 else "team-lead"
    body += f"owner: {owner}\nreviewed: 2026-{1 + i % 10:02d}-{1 + i % 28:02d}\n"
    w.write(f"standards/{area}/{standard_id}.yaml", "standard", body)
    return standard_id


def _checklists(w: _Writer, rng: random.Random, standards: list[str], count: int) -> None:
    frequencies = ("daily", "weekly", "monthly", "quarterly", "per-event")
    for i in range(count):
        topic = TOPICS[i % len(TOPICS)]
        picked = rng.sample(standards, min(6, len(standards))) if standards else []
        items = []
        for j, sentence in enumerate(rng.sample(SENTENCES, 6)):
            en, pl = _fill(sentence, topic, rng.choice(sorted(CHANNELS)), 0, 0)
            link = f"\n    standard: {picked[j]}" if j < len(picked) else ""
            items.append(f"\n  - text: {w.flow(en, pl)}{link}\n    key: item-{j + 1}")
        checklist_id = f"{topic[0]}-audit-{i + 1}"
        title = _fill(("Audit of {en} handling", "Audyt obsługi: {nom}"), topic, "phone", 0, 0)
        w.write(
            f"standards/checklists/{checklist_id}.yaml", "checklist",
            f"id: {checklist_id}\ntitle: {w.flow(*title)}\nfrequency: {frequencies[i % len(frequencies)]}\n"
            f"roles: [team-lead, quality-coach]\nitems:{''.join(items)}\n"
            f"sign_off: [quality-coach, team-lead]\nowner: quality-coach\nreviewed: 2026-06-{1 + i % 28:02d}\n",
        )


def _paths(w: _Writer, rng: random.Random, standards: list[str]) -> None:
    """One onboarding path per role: ten days, each step reading a few standards."""
    for role in ROLES:
        phases = []
        for day in range(1, 11):
            steps = []
            for s, sentence in enumerate(rng.sample(SENTENCES, 3)):
                en, pl = _fill(sentence, rng.choice(TOPICS), rng.choice(sorted(CHANNELS)), 0, 0)
                read = sorted(rng.sample(standards, min(3, len(standards))))
                builds = rng.choice(sorted(COMPETENCIES))
                steps.append(
                    f"\n      - do: {w.flow(en, pl)}\n        key: day-{day}-step-{s + 1}\n"
                    f"        read: [{', '.join(read)}]\n        builds: {{competency: {builds}, level: 1}}"
                )
            title = w.flow(f"Day {day}", f"Dzień {day}")
            phases.append(f"\n  - title: {title}\n    days: \"{day}\"\n    steps:{''.join(steps)}")
        w.write(
            f"onboarding/paths/{role}-onboarding.yaml", "path",
            f"id: {role}-onboarding\n"
            f"title: {w.flow(f'First two weeks: {ROLES[role][0]}', f'Pierwsze dwa tygodnie: {ROLES[role][1]}')}\n"
            f"role: {role}\ntype: onboarding\nmentor: team-lead\nphases:{''.join(phases)}\n"
            f"owner: customer-care-lead\nreviewed: 2026-09-01\n",
        )


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic knowledge base.")
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int, help="number of standards")
    parser.add_argument("--languages", default="en,pl")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    config = generate(args.out, args.n, tuple(args.languages.split(",")), args.seed)
    print(config)


if __name__ == "__main__":
    main()
