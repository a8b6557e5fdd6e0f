/* Scoring a query plan over the static index's posting lists, as generator/search/ranking.py does:
 * a term counts its score (already quantised by `kb build`) times its field's boost, a term one typo
 * away 3/8 of that, a phrase twice its field's boost per pair of neighbouring words, a prefix its
 * field's boost once; all parts must match, or (the last round) pages matching more parts come
 * first. Every number added is a multiple of a power of two, so sums are exact in any order and
 * ties fall as in Python (by document number). `engine` gives size, meta.fields, settings,
 * postings(field, term), near(lang, text) and termsWithPrefix(field, prefix). */

import { phrasePairs } from "./analysis.js";

export function rank(engine, plan, allowed, requireAll, fuzzy, limit) {
  const parts = plan.groups.map((group) => scoreGroup(engine, group, fuzzy))
    .concat(plan.phrases.map((phrase) => scorePhrase(engine, phrase)), plan.prefixes.map((prefix) => scorePrefix(engine, prefix)));
  const n = engine.size;
  const matched = Uint8Array.from(parts[0].matched);
  const score = Float64Array.from(parts[0].score);
  const count = Int16Array.from(parts[0].matched);
  for (const part of parts.slice(1)) {
    for (let d = 0; d < n; d++) {
      matched[d] = requireAll ? matched[d] & part.matched[d] : matched[d] | part.matched[d];
      score[d] += part.score[d];
      count[d] += part.matched[d];
    }
  }
  for (const group of plan.excluded) {
    const out = scoreGroup(engine, group, false).matched;
    for (let d = 0; d < n; d++) if (out[d]) matched[d] = 0;
  }
  const docs = [];
  for (let d = 0; d < n; d++) if (matched[d] && (!allowed || allowed[d])) docs.push(d);
  docs.sort((a, b) => (requireAll ? 0 : count[b] - count[a]) || score[b] - score[a] || a - b);
  return { best: docs.slice(0, limit).map((d) => [d, score[d], count[d]]), total: docs.length };
}

function scoreGroup(engine, group, fuzzy) {
  const score = new Float64Array(engine.size);
  const matched = new Uint8Array(engine.size);
  const near = {};
  engine.meta.fields.forEach(([, lang, boost], number) => {
    const exact = group.exact[lang] || new Set();
    if (fuzzy && !(lang in near)) {
      near[lang] = new Set();
      for (const text of group.fuzzy[lang] || []) for (const term of engine.near(lang, text)) if (!exact.has(term)) near[lang].add(term);
    }
    const weighted = Array.from(exact, (term) => [term, boost])
      .concat(Array.from(near[lang] || [], (term) => [term, boost * engine.settings.fuzzy_weight]));
    for (const [term, weight] of weighted) {
      const found = engine.postings(number, term);
      for (let i = 0; i < found.docs.length; i++) {
        score[found.docs[i]] += weight * found.scores[i];
        matched[found.docs[i]] = 1;
      }
    }
  });
  return { score, matched };
}

function scorePhrase(engine, phrase) {
  const score = new Float64Array(engine.size);
  const matched = new Uint8Array(engine.size);
  engine.meta.fields.forEach(([, lang, boost], number) => {
    const pairs = phrasePairs(phrase[lang] || []).map((pair) => engine.postings(number, pair));
    if (!pairs.length) return;
    let docs = Array.from(pairs[0].docs);
    for (const found of pairs.slice(1)) {
      const have = new Set(found.docs);
      docs = docs.filter((d) => have.has(d));
    }
    for (const found of pairs) {
      const at = new Map(Array.from(found.docs, (d, i) => [d, i]));
      for (const d of docs) score[d] += boost * engine.settings.phrase_weight * found.scores[at.get(d)];
    }
    for (const d of docs) matched[d] = 1;
  });
  return { score, matched };
}

function scorePrefix(engine, prefix) {
  const score = new Float64Array(engine.size);
  const matched = new Uint8Array(engine.size);
  engine.meta.fields.forEach(([, , boost], number) => {
    const inField = new Uint8Array(engine.size);
    for (const term of engine.termsWithPrefix(number, prefix)) for (const d of engine.postings(number, term).docs) inField[d] = 1;
    for (let d = 0; d < engine.size; d++) {
      if (inField[d]) {
        score[d] += boost;
        matched[d] = 1;
      }
    }
  });
  return { score, matched };
}
