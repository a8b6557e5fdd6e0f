"""The browser's search index: the server's index exported per site language, in small static files.

`kb build` calls `export(index_folder)` right after writing the Whoosh index, so
the browser searches the very documents, terms and term scores `kb search`
ranks (one analysis, one document model). The browser's engine
(`assets/engine.js`) reads, for the language `L` of a page, from `static/L/`:

* `meta.json`: the fields searched (`title_L`, `summary_L`, `body_L`, and the
  default language's `fallback`), their boosts, the number of documents and of shards;
* `t/<n>.json`: the shard of terms whose hash is n: per term and field, the
  documents holding it (as gaps), its count in each and the score of each count
  (ranking.py's quantised score); also the `forms` of the words hashed there;
* `v/<code>.json`: the words (no pair terms) starting with one letter, with the
  fields holding them, for typos and prefixes;
* `d/<n>.json`: document n's stored fields (title, address, summary, text parts);
* `f/<filter>/<value>.json`: the documents a filter value allows.

A first query fetches `meta.json`, a shard per term and the documents shown: a
few hundred kilobytes on 10,000 standards. `analysis.json` beside the language
folders holds what the browser needs to analyse words as `analysis.py` does:
the folding table, the stop words and the constants of query parsing and ranking.
"""

from __future__ import annotations

import json
import math
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from generator.search import analysis, query, ranking, searcher, snippets
from generator.search.analysis import FIELDS, field_name, is_pair
from generator.search.engine import Engine
from generator.search.labels import kind_label
from generator.search.manifest import read_manifest

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


def export(index: Path) -> Path:
    """Write `<index>/static/` from the index in `index`; returns that folder."""
    manifest = read_manifest(index)
    if manifest is None:
        raise ValueError(f"no search index in {index}")
    target = index / FOLDER
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    _write(target / "analysis.json", analysis_table(manifest.languages))
    forms = json.loads((index / searcher.FORMS).read_text(encoding="utf-8"))
    engine = Engine(index)
    try:
        stored = [engine.stored(doc) for doc in range(engine.doc_count)]
        for lang in manifest.languages:
            _export_language(engine, stored, lang, manifest.default_language, forms, target / lang)
    finally:
        engine.close()
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
        "stopwords": {lang: sorted(words) for lang, words in sorted(analysis._FOLDED_STOPWORDS.items())},
        "snowball": {lang: analysis.SNOWBALL[lang.split("-")[0]] for lang in languages
                     if lang.split("-")[0] in analysis.SNOWBALL},
        "query": {"max_chars": query.MAX_CHARS, "max_words": query.MAX_WORDS, "max_phrases": query.MAX_PHRASES,
                  "max_phrase_words": query.MAX_PHRASE_WORDS},
        "ranking": {"boosts": ranking.BOOSTS, "fuzzy_weight": ranking.FUZZY_WEIGHT,
                    "phrase_weight": ranking.PHRASE_WEIGHT, "max_prefix_terms": ranking.MAX_PREFIX_TERMS,
                    "score_step": ranking.SCORE_STEP, "fuzzy_min_letters": searcher.FUZZY_MIN_LETTERS,
                    "few": searcher.FEW},
        "snippets": {"max_chars": snippets.MAX_CHARS, "lead": snippets._LEAD},
    }


def _fields(lang: str, default: str) -> list[tuple[str, str, float]]:
    """The fields a search in `lang` reads, as ranking._fields does for a plan with lang=`lang`."""
    own = [(field_name(name, lang), lang, ranking.BOOSTS[name]) for name in FIELDS if name != "fallback"]
    fallback = [(field_name("fallback", default), default, ranking.BOOSTS["fallback"])] if lang != default else []
    return own + fallback


def _export_language(engine: Engine, stored: list[Json], lang: str, default: str,
                     forms: dict[str, dict[str, list[str]]], folder: Path) -> None:
    mine = [doc for doc, fields in enumerate(stored) if fields["lang"] == lang]
    local = np.full(engine.doc_count, -1, dtype=np.int64)
    local[mine] = np.arange(len(mine))
    fields = _fields(lang, default)
    terms: dict[str, list[Any]] = defaultdict(list)
    vocabulary: dict[str, int] = defaultdict(int)
    for number, (fname, _, _) in enumerate(fields):
        for term, entry in _field_postings(engine, fname, local):
            terms[term].append([number, *entry])
            if term and not is_pair(term):
                vocabulary[term] |= 1 << number
    size = sum(len(entry[1]) for entries in terms.values() for entry in entries)
    shards = max(1, math.ceil(size * 5 / SHARD_BYTES))
    _write_shards(folder, terms, shards, {code: forms.get(code, {}) for code in {lang, default}})
    _write_vocabulary(folder, vocabulary)
    for number, doc in enumerate(mine):
        _write(folder / "d" / f"{number}.json", _document(stored[doc]))
    _write_filters(folder, [stored[doc] for doc in mine])
    _write(folder / "meta.json", {
        "format": FORMAT, "lang": lang, "default": default, "documents": len(mine), "shards": shards,
        "fields": [[fname, field_lang, boost] for fname, field_lang, boost in fields],
        "langs": list(dict.fromkeys([lang, default])),
    })


def _field_postings(engine: Engine, fname: str, local: np.ndarray) -> list[tuple[str, list[Any]]]:
    """Each term of `fname` with [gaps, counts (0: all 1), {count: score × SCORE_STEP}] over the language's
    documents; the scores are those ranking.py computes over the whole index."""
    reader = engine._reader()
    if fname not in reader.schema:
        return []
    found = []
    for raw in reader.lexicon(fname):
        term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        read = engine.postings(fname, term)
        if read is None:
            continue
        docs, weights = read
        scores = ranking._term_scores(weights, engine.doc_count)
        keep = local[docs] >= 0
        if not keep.any():
            continue
        ids = local[docs[keep]]
        counts = weights[keep].astype(np.int64)
        table = {int(count): int(round(score * ranking.SCORE_STEP))
                 for count, score in zip(counts.tolist(), scores[keep].tolist(), strict=True)}
        gaps = np.diff(ids, prepend=0).tolist()
        found.append((term, [gaps, 0 if (counts == 1).all() else counts.tolist(), table]))
    return found


def _write_shards(folder: Path, terms: dict[str, list[Any]], shards: int,
                  forms: dict[str, dict[str, list[str]]]) -> None:
    content: list[Json] = [{"terms": {}, "forms": {}} for _ in range(shards)]
    for term, entries in terms.items():
        content[term_hash(term) % shards]["terms"][term] = entries
    for lang, table in forms.items():
        for word, stems in table.items():
            content[term_hash(word) % shards]["forms"].setdefault(word, {})[lang] = stems
    for number, shard in enumerate(content):
        _write(folder / "t" / f"{number}.json", shard)


def _write_vocabulary(folder: Path, vocabulary: dict[str, int]) -> None:
    by_letter: dict[str, list[Any]] = defaultdict(list)
    for term in sorted(vocabulary):
        by_letter[term[:1]].append([term, vocabulary[term]])
    for letter, entries in by_letter.items():
        _write(folder / "v" / f"{ord(letter):x}.json", entries)


def _document(fields: Json) -> Json:
    return {name: fields[name] for name in ("id", "kind", "title", "summary", "url", "area", "status")} | {
        "kind_label": kind_label(fields["kind"], fields["lang"]), "channels": (fields["channels"] or "").split(),
        "roles": (fields["roles"] or "").split(), "parts": list(fields["parts"] or []),
    }


def _write_filters(folder: Path, docs: list[Json]) -> None:
    """Per filter value, its documents (the role filter also takes `everyone`'s: the browser adds them)."""
    values: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, fields in enumerate(docs):
        for name, value in (("kind", fields["kind"]), ("area", fields["area"]), ("status", fields["status"])):
            if value:
                values[(name, value)].append(number)
        for channel in (fields["channels"] or "").split():
            values[("channel", channel)].append(number)
        for role in (fields["roles"] or "").split():
            values[("role", role)].append(number)
    for (name, value), numbers in values.items():
        _write(folder / "f" / name / f"{value}.json", np.diff(numbers, prepend=0).tolist())


def _write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
