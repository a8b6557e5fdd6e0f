"""The browser's search index: the documents, terms and term scores of the server's index, per site
language, in small static files.

While `kb build` writes the Whoosh index, a `Collector` sees every search
document and its terms, from the same `analysis.analyze` that feeds Whoosh (one
analysis, one document model); `export()` then writes `<index>/static/` with each
term's documents and the very scores ranking.py gives them over the whole index,
so the browser's engine (`assets/engine.js`) ranks exactly as `kb search`. For
the language `L` of a page it reads, from `static/L/`:

* `meta.json`: the fields searched (`title_L`, `summary_L`, `body_L`, and the
  default language's `fallback`), their boosts, the number of documents and of shards;
* `t/<n>.json`: the shard of terms whose hash is n: per term and field, the
  documents holding it (as gaps), its count in each and the score of each count
  (ranking.py's quantised score); also the `forms` of the words hashed there;
* `v/<code>.json`: the words (no pair terms) starting with one letter, with the
  fields holding them, for typos and prefixes;
* `d/<n>.json`: document n's stored fields (title, address, summary, text parts);
* `f/<filter>/<value>.json`: the documents a filter value allows.

A query fetches `meta.json`, a shard per term (about 16 kB each), and the
documents it shows. `analysis.json` beside the language folders holds what the
browser needs to analyse words as `analysis.py` does: the folding table, the stop
words and the constants of query parsing and ranking. Nothing here imports Whoosh.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import stat
from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from generator.search import analysis, query, ranking, snippets
from generator.search.analysis import FIELDS, analyze, field_name, is_pair
from generator.search.documents import SearchDoc
from generator.search.query_plan import FEW, FUZZY_MIN_LETTERS
from generator.words import kind_label, stemmer_name, stop_words

FOLDER = "static"
ASSETS = Path(__file__).parent / "assets"
SHARD_BYTES = 16_000  # a term shard's typical size
FORMAT = 1
Json = dict[str, Any]


def term_hash(text: str) -> int:
    """FNV-1a over the UTF-16 code units of `text` (what a JavaScript string is made of)."""
    value = 0x811C9DC5
    for unit in memoryview(text.encode("utf-16-le")).cast("H"):
        value = ((value ^ unit) * 0x01000193) & 0xFFFFFFFF
    return value


class Collector:
    """The terms of every search document, in the order the index numbers them: field -> term ->
    (documents, counts), as compact arrays."""

    def __init__(self) -> None:
        self.fields: dict[str, dict[str, tuple[array[int], array[int]]]] = defaultdict(dict)
        self.docs: list[Json] = []

    def add(self, doc: SearchDoc, analysed: dict[tuple[str, str], Counter[str]] | None = None) -> None:
        """Analyse and add a document; `analysed` ((language, text) -> term counts) notes each text's
        analysis for Whoosh to reuse (engine.KbAnalyzer)."""
        terms: dict[str, Counter[str]] = {}
        for (name, lang), text in doc.field_texts().items():
            terms[field_name(name, lang)] = counts = Counter(term for term, _ in analyze(text, lang))
            if analysed is not None:
                analysed[(lang, text)] = counts
        self.add_analysed(stored_fields(doc), terms)

    def extend(self, other: Collector) -> None:
        """Add the documents `other` collected, after these (the same as adding each of them here)."""
        offset = len(self.docs)
        self.docs.extend(other.docs)
        for fname, terms in other.fields.items():
            table = self.fields[fname]
            for term, (docs, counts) in terms.items():
                entry = table.get(term)
                if entry is None:
                    entry = table[term] = (array("i"), array("i"))
                entry[0].extend([doc + offset for doc in docs] if offset else docs)
                entry[1].extend(counts)

    def add_analysed(self, stored: Json, terms: dict[str, Counter[str]]) -> None:
        """Add a document already analysed: its stored fields and, per field, its terms' counts."""
        number = len(self.docs)
        self.docs.append(stored)
        for fname, counts in terms.items():
            table = self.fields[fname]
            for term, count in counts.items():
                entry = table.get(term)
                if entry is None:
                    entry = table[term] = (array("i"), array("i"))
                entry[0].append(number)
                entry[1].append(count)


class Output:
    """A folder export writes into. A file whose bytes equal those of the same file in `previous` (the
    index this one replaces, e.g. in the site being rebuilt) becomes a hard link to it instead of a
    new file: a build after a small change creates few files. Files are only ever created, never
    written in place, so a link never changes the file it shares."""

    def __init__(self, folder: Path, previous: Path | None = None) -> None:
        self.folder = folder
        self.previous = previous

    def __truediv__(self, name: str) -> Output:
        return Output(self.folder / name, self.previous / name if self.previous else None)

    def mkdir(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)

    def write(self, name: str, data: Any) -> None:
        """One file of the index (its folder exists: made once per folder, not per file)."""
        encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if self.previous is not None and self._link(name, encoded):
            return
        with open(self.folder / name, "xb") as file:
            file.write(encoded)

    def _link(self, name: str, encoded: bytes) -> bool:
        assert self.previous is not None
        old = self.previous / name
        try:
            if not stat.S_ISREG(os.lstat(old).st_mode):
                return False
            with open(old, "rb") as file:
                if file.read(len(encoded) + 1) != encoded:
                    return False
            os.link(old, self.folder / name, follow_symlinks=False)
        except OSError:  # gone, unreadable, another file system: written instead
            return False
        return True


def export(target: Path, collected: Collector, languages: list[str], default: str,
           forms: dict[str, dict[str, list[str]]], previous: Path | None = None) -> Path:
    """Write the browser's index of `collected` into `target` (a new folder); returns it.
    `previous`: an earlier export whose unchanged files are linked, not written again."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    out = Output(target, previous if previous is not None and previous.is_dir() else None)
    out.write("analysis.json", analysis_table(languages))
    postings = _postings(collected, languages, default)
    for lang in languages:
        _export_language(postings[lang], collected.docs, lang, default, forms, out / lang)
    for path in sorted(ASSETS.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(ASSETS)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
    return target


def analysis_table(languages: list[str]) -> Json:
    """What the browser needs to analyse and rank as Python does: one definition, read by both."""
    return {
        "format": FORMAT,
        "fold": {chr(code): bare for code, bare in sorted(analysis._FOLD.items())},
        "stopwords": {base: sorted({analysis.fold(word) for word in stop_words(base)})  # as analysis.is_stopword
                      for base in sorted({lang.split("-")[0] for lang in languages})},
        "snowball": {lang: name for lang in languages if (name := stemmer_name(lang))},
        "query": {"max_chars": query.MAX_CHARS, "max_words": query.MAX_WORDS, "max_phrases": query.MAX_PHRASES,
                  "max_phrase_words": query.MAX_PHRASE_WORDS},
        "ranking": {"boosts": ranking.BOOSTS, "fuzzy_weight": ranking.FUZZY_WEIGHT,
                    "phrase_weight": ranking.PHRASE_WEIGHT, "max_prefix_terms": ranking.MAX_PREFIX_TERMS,
                    "score_step": ranking.SCORE_STEP, "fuzzy_min_letters": FUZZY_MIN_LETTERS, "few": FEW},
        "snippets": {"max_chars": snippets.MAX_CHARS, "lead": snippets._LEAD},
    }


def _fields(lang: str, default: str) -> list[tuple[str, str, float]]:
    """The fields a search in `lang` reads, as ranking._fields does for a plan with lang=`lang`."""
    own = [(field_name(name, lang), lang, ranking.BOOSTS[name]) for name in FIELDS if name != "fallback"]
    fallback = [(field_name("fallback", default), default, ranking.BOOSTS["fallback"])] if lang != default else []
    return own + fallback


def _postings(collected: Collector, languages: list[str], default: str) -> dict[str, Json]:
    """Per page language, each term with its entries [field number, gaps, counts (0: all 1), {count: score
    × SCORE_STEP}] over that language's documents; the scores are those ranking.py computes over the whole
    index. Each field is read once (the default language's `fallback` serves every other language)."""
    page_lang = [fields["lang"] for fields in collected.docs]
    local = [0] * len(page_lang)
    seen: dict[str, int] = defaultdict(int)
    for doc, lang in enumerate(page_lang):
        local[doc], seen[lang] = seen[lang], seen[lang] + 1
    numbers = {lang: {fname: n for n, (fname, _, _) in enumerate(_fields(lang, default))} for lang in languages}
    size = len(page_lang)
    found: dict[str, Json] = {lang: defaultdict(list) for lang in languages}
    scored: dict[tuple[int, int], int] = {}  # (documents holding the term, count) -> score: many terms share one
    for fname in dict.fromkeys(fname for table in numbers.values() for fname in table):
        for term, (docs, counts) in collected.fields.get(fname, {}).items():
            scores = _scores(scored, len(docs), counts, size)
            split: dict[str, tuple[list[int], list[int], dict[int, int]]] = {}
            for doc, count, score in zip(docs, counts, scores, strict=True):
                lang = page_lang[doc]
                if fname in numbers.get(lang, {}):
                    ids, lang_counts, table = split.setdefault(lang, ([], [], {}))
                    ids.append(local[doc])
                    lang_counts.append(count)
                    table[count] = score
            for lang, (ids, lang_counts, table) in split.items():
                gaps = [ids[0]] + [b - a for a, b in zip(ids, ids[1:], strict=False)]
                all_one = all(count == 1 for count in lang_counts)
                found[lang][term].append([numbers[lang][fname], gaps, 0 if all_one else lang_counts, table])
    return found


def _scores(scored: dict[tuple[int, int], int], holding: int, counts: Sequence[int], size: int) -> list[int]:
    """ranking._term_scores × SCORE_STEP of each count, for a term `holding` documents hold (computed once
    per pair by ranking's own function: the same floating-point steps, the same rounding)."""
    missing = sorted({count for count in counts if (holding, count) not in scored})
    if missing:
        weights = np.zeros(holding, dtype=np.float64)  # only the length matters to idf
        weights[:len(missing)] = missing
        values = np.round(ranking._term_scores(weights, size) * ranking.SCORE_STEP)[:len(missing)]
        for count, value in zip(missing, values.astype(np.int64).tolist(), strict=True):
            scored[(holding, count)] = value
    return [scored[(holding, count)] for count in counts]


def _export_language(terms: Json, stored: list[Json], lang: str, default: str,
                     forms: dict[str, dict[str, list[str]]], folder: Output) -> None:
    mine = [doc for doc, fields in enumerate(stored) if fields["lang"] == lang]
    fields = _fields(lang, default)
    vocabulary: dict[str, int] = defaultdict(int)
    for term, entries in terms.items():
        if term and not is_pair(term):
            for entry in entries:
                vocabulary[term] |= 1 << entry[0]
    size = sum(len(term) + sum(12 + 3 * len(entry[1]) + (2 * len(entry[2]) if entry[2] else 0) for entry in entries)
               for term, entries in terms.items())  # about the JSON's length, without writing it twice
    shards = max(1, math.ceil(size / SHARD_BYTES))
    for sub in ("t", "v", "d", "f"):
        (folder / sub).mkdir()
    _write_shards(folder / "t", terms, shards, {code: forms.get(code, {}) for code in {lang, default}})
    _write_vocabulary(folder / "v", vocabulary)
    for number, doc in enumerate(mine):
        (folder / "d").write(f"{number}.json", stored[doc])
    _write_filters(folder / "f", [stored[doc] for doc in mine])
    folder.write("meta.json", {
        "format": FORMAT, "lang": lang, "default": default, "documents": len(mine), "shards": shards,
        "fields": [[fname, field_lang, boost] for fname, field_lang, boost in fields],
        "langs": list(dict.fromkeys([lang, default])),
    })


def _write_shards(folder: Output, terms: dict[str, list[Any]], shards: int,
                  forms: dict[str, dict[str, list[str]]]) -> None:
    content: list[Json] = [{"terms": {}, "forms": {}} for _ in range(shards)]
    for term, entries in terms.items():
        content[term_hash(term) % shards]["terms"][term] = entries
    for lang, table in forms.items():
        for word, stems in table.items():
            content[term_hash(word) % shards]["forms"].setdefault(word, {})[lang] = stems
    for number, shard in enumerate(content):
        folder.write(f"{number}.json", shard)


def _write_vocabulary(folder: Output, vocabulary: dict[str, int]) -> None:
    by_letter: dict[str, list[Any]] = defaultdict(list)
    for term in sorted(vocabulary):
        by_letter[term[:1]].append([term, vocabulary[term]])
    for letter, entries in by_letter.items():
        folder.write(f"{ord(letter):x}.json", entries)


def stored_fields(doc: SearchDoc) -> Json:
    """What the browser shows of a hit (the server's stored fields)."""
    return {"id": doc.id, "lang": doc.lang, "kind": doc.kind, "kind_label": kind_label(doc.kind, doc.lang),
            "title": doc.title, "summary": doc.summary, "url": doc.url, "area": doc.area, "status": doc.status,
            "channels": list(doc.channels), "roles": list(doc.roles), "parts": list(doc.parts)}


def _write_filters(folder: Output, docs: list[Json]) -> None:
    """Per filter value, its documents (the role filter also takes `everyone`'s: the browser adds them)."""
    values: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, fields in enumerate(docs):
        for name, value in (("kind", fields["kind"]), ("area", fields["area"]), ("status", fields["status"])):
            if value:
                values[(name, value)].append(number)
        for channel in fields["channels"]:
            values[("channel", channel)].append(number)
        for role in fields["roles"]:
            values[("role", role)].append(number)
    for name in {name for name, _ in values}:
        (folder / name).mkdir()
    for (name, value), numbers in values.items():
        (folder / name).write(f"{value}.json", np.diff(numbers, prepend=0).tolist())
