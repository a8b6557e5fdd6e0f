/* Words, folding, stems and query parsing, as generator/search/analysis.py and query.py do them.
 *
 * The tables (folding, stop words, limits) come from analysis.json, which `kb build` writes from
 * the Python modules, and the stems from the same Snowball release compiled to WebAssembly
 * (snowball/README.md), so a word is analysed here exactly as `kb search` analyses it.
 */
import init, { Stemmer, Languages } from "./snowball/index.js";

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
const PART = /[\p{L}\p{N}]+/gu;
const ALPHA = /^\p{L}+$/u;
const ALNUM = /^[\p{L}\p{N}]+$/u;
const ASCII = /^[\x00-\x7f]*$/;
const UNPRINTABLE = /[\p{C}\p{Z}]/gu;
const QUOTES = /[„“”«»″]/g;
const OPERATORS = new Set(["AND", "OR", "&&", "||", "+"]);
const NEGATIONS = new Set(["NOT", "!"]);

export class Analysis {
  constructor(tables) {
    this.tables = tables;
    this.foldTable = tables.fold;
    this.stops = {};
    for (const [lang, words] of Object.entries(tables.stopwords)) this.stops[lang] = new Set(words);
    this.stemmers = {};
    this.memo = new Map();
  }

  static async load(tables, wasmUrl) {
    await init({ module_or_path: wasmUrl });
    return new Analysis(tables);
  }

  stripMarks(text) {
    if (ASCII.test(text)) return text;
    let out = "";
    for (const ch of text) {
      const bare = this.foldTable[ch];
      out += bare === undefined ? ch : bare;
    }
    return out;
  }

  fold(text) {
    return this.stripMarks(text.toLowerCase()).replace(/ς/g, "σ");
  }

  stemmer(lang) {
    const base = lang.split("-")[0];
    if (!(base in this.stemmers)) {
      const name = this.tables.snowball[lang] || this.tables.snowball[base];
      const key = name ? name.charAt(0).toUpperCase() + name.slice(1) : null;
      this.stemmers[base] = key && key in Languages ? new Stemmer(Languages[key]) : null;
    }
    return this.stemmers[base];
  }

  stem(word, lang) {
    const stemmer = this.stemmer(lang);
    if (!stemmer || !ALPHA.test(word)) return word;
    const key = lang + "\u0000" + word;
    let found = this.memo.get(key);
    if (found === undefined) {
      found = stemmer.stem(word);
      if (this.memo.size > 50000) this.memo.clear();
      this.memo.set(key, found);
    }
    return found;
  }

  /* The terms a lower-cased word is indexed and searched as (analysis.variants). */
  variants(word, lang) {
    return unique([this.fold(this.stem(word, lang)), this.fold(this.stem(this.stripMarks(word), lang)), this.fold(word)]);
  }

  queryTerms(word, lang) {
    return unique([this.fold(this.stem(word, lang)), this.fold(this.stem(this.stripMarks(word), lang))]);
  }

  phraseTerm(word, lang) {
    return this.fold(this.stem(this.stripMarks(word.toLowerCase()), lang));
  }

  isStopword(word, lang) {
    const stops = this.stops[lang.split("-")[0]];
    return !!stops && stops.has(this.fold(word));
  }

  /* Lower-cased words with their place in `text`; 'e-mail' gives 'email', 'e' and 'mail'. */
  words(text) {
    let lowered = text.toLowerCase();
    if (lowered.length !== text.length) lowered = Array.from(text, (ch) => Array.from(ch.toLowerCase())[0]).join("");
    const found = [];
    for (const match of lowered.matchAll(WORD)) {
      const token = match[0];
      const start = match.index;
      if (ALNUM.test(token)) {
        found.push({ text: token, start, end: start + token.length });
        continue;
      }
      const parts = Array.from(token.matchAll(PART));
      found.push({ text: parts.map((p) => p[0]).join(""), start, end: start + token.length });
      for (const part of parts) found.push({ text: part[0], start: start + part.index, end: start + part.index + part[0].length });
    }
    return found;
  }

  wordsOf(text) {
    return Array.from(text.matchAll(PART), (m) => m[0].toLowerCase());
  }

  /* What a person typed, as query.parse reads it: words, phrases, prefixes, exclusions. */
  parse(input) {
    const limits = this.tables.query;
    let text = Array.from(String(input).normalize("NFC")).slice(0, limits.max_chars).join("");
    text = text.replace(UNPRINTABLE, (ch) => (ch === " " ? ch : " ")).replace(QUOTES, '"');
    const query = { words: [], phrases: [], prefixes: [], excluded: [] };
    for (const match of text.matchAll(/"([^"]*)"/g)) {
      const phrase = this.wordsOf(match[1]).slice(0, limits.max_phrase_words);
      if (phrase.length > 1 && query.phrases.length < limits.max_phrases) query.phrases.push(phrase);
      else query.words.push(...phrase);
    }
    const rest = text.replace(/"([^"]*)"/g, " ").replace(/"/g, " ");
    let negateNext = false;
    for (const raw of rest.split(/\s+/).filter(Boolean)) {
      if (OPERATORS.has(raw)) continue;
      if (NEGATIONS.has(raw)) {
        negateNext = true;
        continue;
      }
      const negate = negateNext || ("-!".includes(raw[0]) && Array.from(raw).length > 1);
      negateNext = false;
      this.addToken(query, raw.replace(/^[-!+]+/, ""), negate);
    }
    query.words = unique(query.words).slice(0, limits.max_words);
    query.prefixes = unique(query.prefixes).slice(0, limits.max_words);
    query.excluded = unique(query.excluded).filter((w) => !query.words.includes(w)).slice(0, limits.max_words);
    return query;
  }

  addToken(query, raw, negate) {
    const found = this.wordsOf(raw);
    if (!found.length) return;
    if (!negate && raw.endsWith("*") && found.length === 1 && Array.from(this.fold(found[0])).length >= 2) {
      query.prefixes.push(this.fold(found[0]));
      return;
    }
    const tokens = Array.from(raw.toLowerCase().matchAll(WORD), (m) => m[0]);
    (negate ? query.excluded : query.words).push(...tokens);
  }
}

export function unique(values) {
  return Array.from(new Set(values));
}

export function isAlpha(text) {
  return ALPHA.test(text);
}

export function phrasePairs(terms) {
  const pairs = [];
  for (let i = 0; i + 1 < terms.length; i++) pairs.push(terms[i] + " " + terms[i + 1]);
  return unique(pairs);
}
