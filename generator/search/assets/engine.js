/* The browser's search: the same query plan, rounds and ranking as generator/search/searcher.py and
 * ranking.py, over the static index `kb build` exports (generator/search/static.py).
 *
 *   const engine = await open(new URL("_kb/search/static/", siteRoot), "pl");
 *   const { hits, total } = await engine.search("reklamacji", { role: "agent" }, 20);
 *
 * A query loads only the shards holding its terms, the vocabulary of a letter when a typo round
 * runs, the filter lists it uses and the documents it shows; everything loaded stays in memory.
 */
import { Analysis, isAlpha, phrasePairs, unique } from "./analysis.js";
import { rank } from "./ranking.js";
import { Marker, snippet } from "./snippets.js";

const FILTERS = ["kind", "area", "channel", "role", "status"];
const files = new Map();

function getJSON(url) {
  const key = String(url);
  if (!files.has(key)) {
    files.set(key, fetch(key).then((response) => (response.ok ? response.json() : null)).catch(() => null));
  }
  return files.get(key);
}

let analysisPromise = null;

export function loadAnalysis(root) {
  if (!analysisPromise) {
    analysisPromise = getJSON(new URL("analysis.json", root)).then((tables) => {
      if (!tables) throw new Error("no search index at " + root);
      return Analysis.load(tables, new URL("snowball/index_bg.wasm", import.meta.url));
    });
  }
  return analysisPromise;
}

export async function open(root, lang) {
  const analysis = await loadAnalysis(root);
  const base = new URL(lang + "/", root);
  const meta = await getJSON(new URL("meta.json", base));
  if (!meta) throw new Error("no search index for " + lang);
  return new Engine(analysis, base, meta);
}

function hash(text) {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return value >>> 0;
}

class Engine {
  constructor(analysis, base, meta) {
    this.analysis = analysis;
    this.base = base;
    this.meta = meta;
    this.settings = analysis.tables.ranking;
    this.size = meta.documents;
    this.shards = new Map(); // number -> shard
    this.letters = new Map(); // letter -> [[term, field bits], ...]
    this.postingCache = new Map();
    this.nearCache = new Map();
  }

  fetchInto(map, key, url) {
    if (map.has(key)) return Promise.resolve(map.get(key));
    return getJSON(new URL(url, this.base)).then((data) => {
      map.set(key, data || (map === this.letters ? [] : { terms: {}, forms: {} }));
      return map.get(key);
    });
  }

  shardOf(term) {
    return hash(term) % this.meta.shards;
  }

  loadTerms(terms) {
    const numbers = unique(Array.from(terms, (term) => this.shardOf(term))).filter((n) => !this.shards.has(n));
    return Promise.all(numbers.map((n) => this.fetchInto(this.shards, n, "t/" + n + ".json")));
  }

  loadLetters(words) {
    const letters = unique(Array.from(words, (word) => word.charAt(0))).filter((l) => !this.letters.has(l));
    return Promise.all(letters.map((l) => this.fetchInto(this.letters, l, "v/" + l.charCodeAt(0).toString(16) + ".json")));
  }

  async search(text, filters = {}, limit = 10) {
    const parsed = this.analysis.parse(text);
    if (!(parsed.words.length || parsed.phrases.length || parsed.prefixes.length)) return { hits: [], total: 0 };
    const langs = this.meta.langs;
    let wanted = parsed.words.filter((w) => !langs.some((lang) => this.analysis.isStopword(w, lang)));
    if (!wanted.length && !parsed.phrases.length && !parsed.prefixes.length) wanted = parsed.words;
    const makePlan = () => ({
      groups: wanted.map((w) => this.group(w, true)),
      phrases: parsed.phrases.map((phrase) => Object.fromEntries(langs.map((l) => [l, phrase.map((w) => this.analysis.phraseTerm(w, l))]))),
      prefixes: parsed.prefixes,
      excluded: parsed.excluded.map((w) => this.group(w, false)),
    });
    // One round of fetches for the words' shards (their `forms` too), the plan's terms and the
    // filters; a second only for terms the forms add (words whose stem needs their diacritics).
    const folded = parsed.words.concat(parsed.excluded).map((w) => this.analysis.fold(this.analysis.wordsOf(w).join("")));
    const [, , allowed] = await Promise.all([this.loadTerms(folded), this.loadPlan(makePlan()), this.allowed(filters)]);
    const plan = makePlan();
    await this.loadPlan(plan);
    const { hits, total, fuzzy } = await this.rounds(plan, allowed, limit);
    const marker = this.marker(plan, parsed, fuzzy);
    const docs = await Promise.all(hits.map((hit) => getJSON(new URL("d/" + hit.doc + ".json", this.base))));
    return {
      total,
      hits: hits.map((hit, i) => Object.assign({}, docs[i], { lang: this.meta.lang, score: hit.score,
        snippet_pieces: snippet((docs[i] && docs[i].parts) || [], marker, this.analysis.tables.snippets) })),
    };
  }

  group(word, fuzzy) {
    const a = this.analysis;
    const parts = a.wordsOf(word);
    word = parts.join("");
    const folded = a.fold(word);
    const forms = (this.shards.get(this.shardOf(folded)) || { forms: {} }).forms[folded] || {};
    const group = { exact: {}, fuzzy: {} };
    for (const lang of this.meta.langs) {
      group.exact[lang] = new Set([...a.queryTerms(word, lang), ...(forms[lang] || []),
        ...phrasePairs(parts.map((part) => a.phraseTerm(part, lang)))]);
      if (fuzzy && Array.from(folded).length >= this.settings.fuzzy_min_letters && isAlpha(folded)) {
        const plain = a.queryTerms(a.stripMarks(word), lang)[0];
        group.fuzzy[lang] = new Set([folded].concat(Array.from(plain).length >= this.settings.fuzzy_min_letters ? [plain] : []));
      }
    }
    return group;
  }

  async loadPlan(plan) {
    const terms = [];
    for (const group of plan.groups.concat(plan.excluded)) for (const set of Object.values(group.exact)) terms.push(...set);
    for (const phrase of plan.phrases) for (const words of Object.values(phrase)) terms.push(...phrasePairs(words));
    await Promise.all([this.loadTerms(terms), this.loadLetters(plan.prefixes)]);
    if (plan.prefixes.length) {
      const expanded = [];
      this.meta.fields.forEach((field, number) => {
        for (const prefix of plan.prefixes) expanded.push(...this.termsWithPrefix(number, prefix));
      });
      await this.loadTerms(expanded);
    }
  }

  async rounds(plan, allowed, limit) {
    const parts = plan.groups.length + plan.phrases.length + plan.prefixes.length;
    const hasFuzzy = plan.groups.some((group) => Object.keys(group.fuzzy).length > 0);
    const rounds = [[true, false]].concat(hasFuzzy ? [[true, true]] : [], parts > 1 ? [[false, hasFuzzy]] : []);
    const hits = [];
    const seen = new Set();
    let total = 0;
    let fuzzy = false;
    for (let number = 0; number < rounds.length; number++) {
      const [requireAll, roundFuzzy] = rounds[number];
      fuzzy = roundFuzzy;
      if (fuzzy) await this.loadNear(plan);
      const ranked = rank(this, plan, allowed, requireAll, fuzzy, limit);
      total = ranked.total;
      for (const [doc, score, count] of ranked.best) {
        if (hits.length === limit) break;
        if (seen.has(doc)) continue;
        seen.add(doc);
        const level = number === 0 ? parts + 1 : requireAll ? parts : Math.min(count, parts - 1);
        hits.push({ doc, score: level ? level + score / (score + 1) : 0 });
      }
      if (hits.length >= Math.min(limit, this.settings.few)) break;
    }
    return { hits, total: Math.max(total, hits.length), fuzzy };
  }

  termsWithPrefix(field, prefix) {
    const found = [];
    for (const [term, bits] of this.letters.get(prefix.charAt(0)) || []) {
      if (bits & (1 << field) && term.startsWith(prefix)) {
        found.push(term);
        if (found.length === this.settings.max_prefix_terms) break;
      }
    }
    return found;
  }

  /* A term's documents in field `field` and its score in each (ranking.Ranker.postings). */
  postings(field, term) {
    const key = field + "\u0000" + term;
    let found = this.postingCache.get(key);
    if (!found) {
      const shard = this.shards.get(this.shardOf(term));
      const entry = ((shard && shard.terms[term]) || []).find((e) => e[0] === field);
      found = { docs: new Int32Array(0), scores: new Float64Array(0) };
      if (entry) {
        const [, gaps, counts, table] = entry;
        found = { docs: new Int32Array(gaps.length), scores: new Float64Array(gaps.length) };
        let doc = 0;
        for (let i = 0; i < gaps.length; i++) {
          doc += gaps[i];
          found.docs[i] = doc;
          found.scores[i] = table[counts ? counts[i] : 1] / this.settings.score_step;
        }
      }
      this.postingCache.set(key, found);
    }
    return found;
  }

  async loadNear(plan) {
    const texts = [];
    for (const group of plan.groups) for (const set of Object.values(group.fuzzy)) texts.push(...set);
    await this.loadLetters(texts);
    const terms = [];
    for (const group of plan.groups) {
      for (const [lang, set] of Object.entries(group.fuzzy)) for (const text of set) terms.push(...this.near(lang, text));
    }
    await this.loadTerms(terms);
  }

  /* The words of `lang` one typo away (optimal string alignment) from `word`, sharing its first letter. */
  near(lang, word) {
    const key = lang + "\u0000" + word;
    let found = this.nearCache.get(key);
    if (!found) {
      let bits = 0;
      this.meta.fields.forEach(([, fieldLang], number) => {
        if (fieldLang === lang) bits |= 1 << number;
      });
      found = (this.letters.get(word.charAt(0)) || []).filter(([term, have]) => have & bits && withinOne(word, term)).map(([term]) => term);
      this.nearCache.set(key, found);
    }
    return found;
  }

  async allowed(filters) {
    const active = FILTERS.filter((name) => filters[name]);
    if (!active.length) return null;
    const allowed = new Uint8Array(this.size).fill(1);
    for (const name of active) {
      const values = [filters[name]].concat(name === "role" ? ["everyone"] : []);
      const lists = await Promise.all(values.map((value) => getJSON(new URL("f/" + name + "/" + encodeURIComponent(value) + ".json", this.base))));
      const mask = new Uint8Array(this.size);
      for (const gaps of lists) {
        let doc = 0;
        for (const gap of gaps || []) mask[(doc += gap)] = 1;
      }
      for (let d = 0; d < this.size; d++) allowed[d] &= mask[d];
    }
    return allowed;
  }

  marker(plan, parsed, fuzzy) {
    const terms = {};
    for (const lang of this.meta.langs) terms[lang] = new Set();
    for (const group of plan.groups) {
      for (const lang of this.meta.langs) {
        for (const term of group.exact[lang] || []) terms[lang].add(term);
        if (fuzzy) for (const text of group.fuzzy[lang] || []) for (const term of this.near(lang, text)) terms[lang].add(term);
      }
    }
    for (const phrase of plan.phrases) for (const [lang, words] of Object.entries(phrase)) for (const w of words) terms[lang].add(w);
    return new Marker(this.analysis, terms, parsed.prefixes);
  }
}

/* Optimal-string-alignment distance at most 1: one letter missing, added or changed, or two
 * neighbouring letters swapped (RapidFuzz's OSA.distance <= 1, as typos.py asks). */
export function withinOne(a, b) {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
