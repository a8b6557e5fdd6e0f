/* Snippets, as generator/search/snippets.py makes them: the part of a hit with the most distinct
 * matched words, cut to about 200 characters around the first match, as [text, matched] pieces. */

export class Marker {
  constructor(analysis, terms, prefixes) {
    this.analysis = analysis;
    this.terms = terms; // lang -> Set of terms
    this.prefixes = prefixes || [];
    this.probes = new Set();
    for (const group of Object.values(terms)) for (const term of group) this.probes.add(term.slice(0, 4));
    for (const prefix of this.prefixes) this.probes.add(prefix.slice(0, 4));
    this.memo = new Map();
  }

  get active() {
    return Object.values(this.terms).some((group) => group.size > 0) || this.prefixes.length > 0;
  }

  promise(folded) {
    let count = 0;
    for (const probe of this.probes) if (folded.includes(probe)) count += 1;
    return count;
  }

  matches(word) {
    let known = this.memo.get(word);
    if (known === undefined) {
      known = this.check(word);
      this.memo.set(word, known);
    }
    return known;
  }

  check(word) {
    for (const [lang, terms] of Object.entries(this.terms)) {
      if (terms.size && this.analysis.variants(word, lang).some((term) => terms.has(term))) return true;
    }
    if (!this.prefixes.length) return false;
    const folded = this.analysis.fold(word);
    return this.prefixes.some((prefix) => folded.startsWith(prefix));
  }

  spans(text) {
    const spans = [];
    for (const word of this.analysis.words(text)) {
      if (this.matches(word.text) && (!spans.length || spans[spans.length - 1][1] <= word.start)) {
        spans.push([word.start, word.end]);
      }
    }
    return spans;
  }
}

export function snippet(parts, marker, settings, candidates = 2) {
  if (!parts.length) return [];
  if (!marker.active) return cut(parts[0], [], settings);
  const folded = parts.map((part) => marker.analysis.fold(part));
  const promise = folded.map((text, index) => [marker.promise(text), index]);
  promise.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let chosen = promise.slice(0, candidates).filter(([score]) => score > 0).map(([, index]) => index).sort((a, b) => a - b);
  if (!chosen.length) chosen = [0];
  let best = [-1, 0, []];
  for (const index of chosen) {
    const spans = marker.spans(parts[index]);
    const score = new Set(spans.map(([start, end]) => marker.analysis.fold(parts[index].slice(start, end)))).size;
    if (score > best[0]) best = [score, index, spans];
  }
  return cut(parts[best[1]], best[2], settings);
}

function cut(text, spans, settings) {
  const max = settings.max_chars;
  let start = 0;
  let end = text.length;
  if (text.length > max) {
    const first = spans.length ? spans[0][0] : 0;
    start = first < settings.lead ? 0 : wordStart(text, first - settings.lead);
    end = wordEnd(text, start + max);
  }
  const pieces = start > 0 ? [["…", false]] : [];
  let cursor = start;
  for (const [spanStart, spanEnd] of spans) {
    if (spanStart < start || spanEnd > end) continue;
    if (spanStart > cursor) pieces.push([text.slice(cursor, spanStart), false]);
    pieces.push([text.slice(spanStart, spanEnd), true]);
    cursor = spanEnd;
  }
  if (cursor < end) pieces.push([text.slice(cursor, end), false]);
  if (end < text.length) pieces.push(["…", false]);
  return pieces;
}

function wordStart(text, at) {
  const space = text.indexOf(" ", at);
  return space === -1 ? at : space + 1;
}

function wordEnd(text, at) {
  if (at >= text.length) return text.length;
  const space = at > 0 ? text.lastIndexOf(" ", at - 1) : -1;
  return space <= 0 ? at : space;
}
