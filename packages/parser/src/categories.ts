// From the words of a message to one of the user's categories, several ranked
// candidates, or none. Order of evidence: a hashtag, then an exact name or alias (plural
// or singular alike), then a near miss by edit distance. The earliest word that matches
// decides, as in the old "AMOUNT CATEGORY note" format.

import type { Translations } from './category-translations.ts';
import { editDistance, isTransposition } from './edit-distance.ts';
import { normalize, tokenize } from './tokenize.ts';
import type { Category, CategoryCandidate, CategoryResolution } from './types.ts';

interface Entry {
  name: string;
  /** Position in the user's list: ties go to the earlier category. */
  order: number;
  /** 0 name, 1 alias, 2 plural/singular of a name, 3 of an alias. Lower wins. */
  tier: number;
}

interface FuzzyKey {
  key: string;
  entry: Entry;
}

/** A fuzzy match found once for a word: the entry and how far it is. */
interface FuzzyHit {
  entry: Entry;
  distance: number;
}

/**
 * The words of a list of categories, by position in the list and not by id: every
 * account that kept the default categories shares one.
 */
interface WordIndex {
  readonly size: number;
  readonly exact: Map<string, Entry[]>;
  readonly maxWords: number;
  readonly fuzzyByInitial: Map<string, FuzzyKey[]>;
  readonly fuzzyCache: Map<string, FuzzyHit[]>;
}

/** A user's categories ready to resolve words against: the shared words and the ids. */
export interface CategoryIndex {
  readonly words: WordIndex;
  readonly ids: readonly string[];
}

export interface CategoryWord {
  key: string;
  hashtag: boolean;
  /** An "and" or "&" stands between this word and the previous one. */
  afterConjunction: boolean;
}

export interface Resolved {
  resolution: CategoryResolution;
  /** The words that decided, as [first, count] into the word list; count 0 if none. */
  first: number;
  count: number;
}

const FUZZY_CACHE_LIMIT = 4096;
const FUZZY_WORD_LIMIT = 8;
const CANDIDATE_LIMIT = 5;

/** A name or alias as the tokenizer would see it in a message: "Eating out 🍔" -> "eating out". */
export function categoryKey(text: string): string {
  return tokenize(normalize(text))
    .filter((token) => token.kind === 'word' || token.kind === 'number')
    .map((token) => token.key)
    .join(' ');
}

/** The other grammatical number of a key: books/book, grocery/groceries, bus/buses. */
function numberForms(key: string): string[] {
  if (key.length < 3) return [];
  const forms: string[] = [];
  if (key.endsWith('ies')) forms.push(`${key.slice(0, -3)}y`, key.slice(0, -1));
  else if (key.endsWith('es')) forms.push(key.slice(0, -2), key.slice(0, -1));
  else if (key.endsWith('s') && !key.endsWith('ss')) forms.push(key.slice(0, -1));
  if (!key.endsWith('s')) forms.push(`${key}s`);
  if (/(?:s|x|z|ch|sh)$/.test(key)) forms.push(`${key}es`);
  if (/[^aeiou]y$/.test(key)) forms.push(`${key.slice(0, -1)}ies`);
  return forms;
}

function addEntry(exact: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = exact.get(key);
  if (list === undefined) {
    exact.set(key, [entry]);
    return;
  }
  const same = list.findIndex((other) => other.order === entry.order);
  if (same >= 0) {
    const existing = list[same];
    if (existing !== undefined && existing.tier <= entry.tier) return;
    list.splice(same, 1);
  }
  list.push(entry);
  list.sort((a, b) => a.tier - b.tier || a.order - b.order);
}

function buildIndex(categories: readonly Category[]): WordIndex {
  const exact = new Map<string, Entry[]>();
  const fuzzyByInitial = new Map<string, FuzzyKey[]>();
  let maxWords = 1;
  categories.forEach((category, order) => {
    const words = [category.name, ...category.aliases];
    words.forEach((word, w) => {
      const key = categoryKey(word);
      if (key === '') return;
      const tier = w === 0 ? 0 : 1;
      const entry: Entry = { name: category.name, order, tier };
      addEntry(exact, key, entry);
      for (const form of numberForms(key)) addEntry(exact, form, { ...entry, tier: tier + 2 });
      const wordCount = key.split(' ').length;
      if (wordCount > maxWords) maxWords = wordCount;
      if (wordCount === 1 && key.length >= 4) {
        const initial = key[0] ?? '';
        const list = fuzzyByInitial.get(initial) ?? [];
        list.push({ key, entry });
        fuzzyByInitial.set(initial, list);
      }
    });
  });
  return { size: categories.length, exact, maxWords, fuzzyByInitial, fuzzyCache: new Map() };
}

const byIdentity = new WeakMap<readonly Category[], CategoryIndex>();
const byContent = new Map<string, WordIndex>();
const CONTENT_CACHE_LIMIT = 512;

function fingerprint(categories: readonly Category[]): string {
  let key = '';
  for (const category of categories) {
    key += `${category.name}\u0001${category.aliases.join('\u0002')}\u0003`;
  }
  return key;
}

/**
 * Built once per categories array (treat it as immutable; a changed length is noticed).
 * A new array with the same names and aliases, as a bot that loads categories per
 * message passes (whoever the user), finds the words through a least-recently-used
 * cache keyed by them.
 */
export function categoryIndex(categories: readonly Category[]): CategoryIndex {
  const known = byIdentity.get(categories);
  if (known !== undefined && known.ids.length === categories.length) return known;
  const key = fingerprint(categories);
  let words = byContent.get(key);
  if (words === undefined) {
    words = buildIndex(categories);
    if (byContent.size >= CONTENT_CACHE_LIMIT) {
      const oldest = byContent.keys().next();
      if (oldest.done !== true) byContent.delete(oldest.value);
    }
  } else {
    byContent.delete(key);
  }
  byContent.set(key, words);
  const index = { words, ids: categories.map((category) => category.id) };
  byIdentity.set(categories, index);
  return index;
}

function candidate(
  index: CategoryIndex,
  entry: Entry,
  via: CategoryCandidate['via'],
  word: string,
  distance: number,
): CategoryCandidate {
  const categoryId = index.ids[entry.order] ?? '';
  return { categoryId, name: entry.name, via, word, distance };
}

function exactVia(entry: Entry): CategoryCandidate['via'] {
  return entry.tier % 2 === 0 ? 'name' : 'alias';
}

/** Entries of the best tier, one per category. */
function bestEntries(entries: readonly Entry[]): Entry[] {
  const tier = entries[0]?.tier ?? 0;
  return entries.filter((entry) => entry.tier === tier);
}

/**
 * Typos allowed grow with the word: none up to 3 letters, a swap of two neighbours at
 * 4 ("fule"), one edit at 5-7 ("petrl"), two from 8 ("electrcity"). The first letter
 * must be right: "water" is not "later", "lunch" is not "punch".
 */
function allowedTypos(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

function fuzzyCandidates(index: CategoryIndex, word: string): CategoryCandidate[] {
  return fuzzyHits(index.words, word).map(({ entry, distance }) =>
    candidate(index, entry, 'fuzzy', word, distance),
  );
}

function fuzzyHits(words: WordIndex, word: string): FuzzyHit[] {
  const cached = words.fuzzyCache.get(word);
  if (cached !== undefined) return cached;
  const max = allowedTypos(word.length);
  const found: FuzzyHit[] = [];
  if (max > 0 && word.length <= 32) {
    for (const { key, entry } of words.fuzzyByInitial.get(word[0] ?? '') ?? []) {
      let distance: number;
      if (word.length === 4 || key.length === 4) {
        distance = isTransposition(word, key) ? 1 : max + 1;
      } else {
        distance = editDistance(word, key, max);
      }
      if (distance > max) continue;
      const at = found.findIndex((other) => other.entry.order === entry.order);
      if (at >= 0) {
        const other = found[at];
        if (other === undefined || other.distance < distance) continue;
        if (other.distance === distance && other.entry.tier <= entry.tier) continue;
        found.splice(at, 1);
      }
      found.push({ entry, distance });
    }
  }
  const ranked = found
    .sort(
      (a, b) =>
        a.distance - b.distance || a.entry.tier - b.entry.tier || a.entry.order - b.entry.order,
    )
    .slice(0, CANDIDATE_LIMIT);
  if (words.fuzzyCache.size >= FUZZY_CACHE_LIMIT) words.fuzzyCache.clear();
  words.fuzzyCache.set(word, ranked);
  return ranked;
}

/** The longest phrase of the user's names and aliases starting at word p. */
function exactAt(
  index: CategoryIndex,
  words: readonly CategoryWord[],
  p: number,
): { entries: Entry[]; count: number; key: string } | null {
  const longest = Math.min(index.words.maxWords, words.length - p);
  for (let n = longest; n >= 1; n--) {
    let key = words[p]?.key ?? '';
    for (let k = 1; k < n; k++) key += ` ${words[p + k]?.key ?? ''}`;
    const entries = index.words.exact.get(key);
    if (entries !== undefined) return { entries, count: n, key };
  }
  return null;
}

/** The first of `targets` the user's names and aliases hold. */
function entriesFor(index: CategoryIndex, targets: readonly string[]): Entry[] | null {
  for (const target of targets) {
    const entries = index.words.exact.get(target);
    if (entries !== undefined) return entries;
  }
  return null;
}

/** The longest phrase of another language starting at word p that names a category. */
function translatedAt(
  index: CategoryIndex,
  words: readonly CategoryWord[],
  p: number,
  translations: Translations,
): { entries: Entry[]; count: number; key: string } | null {
  const longest = Math.min(translations.longest, words.length - p);
  for (let n = longest; n >= 1; n--) {
    let key = words[p]?.key ?? '';
    for (let k = 1; k < n; k++) key += ` ${words[p + k]?.key ?? ''}`;
    const targets = translations.words.get(key);
    const entries = targets === undefined ? null : entriesFor(index, targets);
    if (entries !== null) return { entries, count: n, key };
  }
  return null;
}

const NEAR_CACHE_LIMIT = 4096;

/** The translated words within typo reach of a word, nearest first; cached per word. */
function nearTranslations(
  word: string,
  translations: Translations,
): readonly { key: string; distance: number }[] {
  const cached = translations.near.get(word);
  if (cached !== undefined) return cached;
  const max = allowedTypos(word.length);
  const found: { key: string; distance: number }[] = [];
  if (max > 0 && word.length <= 32) {
    for (const key of translations.byInitial.get(word[0] ?? '') ?? []) {
      const distance =
        word.length === 4 || key.length === 4
          ? isTransposition(word, key)
            ? 1
            : max + 1
          : editDistance(word, key, max);
      if (distance <= max) found.push({ key, distance });
    }
    found.sort((a, b) => a.distance - b.distance);
  }
  if (translations.near.size >= NEAR_CACHE_LIMIT) translations.near.clear();
  translations.near.set(word, found);
  return found;
}

/** A word of another language mistyped ("almço", "gasolna"): the category it names. */
function fuzzyTranslated(
  index: CategoryIndex,
  word: string,
  translations: Translations,
): CategoryCandidate | null {
  for (const { key, distance } of nearTranslations(word, translations)) {
    const entries = entriesFor(index, translations.words.get(key) ?? []);
    const [entry] = entries === null ? [] : bestEntries(entries);
    if (entry !== undefined) return candidate(index, entry, 'fuzzy', word, distance);
  }
  return null;
}

function keysOf(words: readonly CategoryWord[]): string[] {
  return words.map((word) => word.key);
}

/** `translations`: category words of other languages, looked up after the user's own. */
export function resolveCategory(
  index: CategoryIndex,
  words: readonly CategoryWord[],
  translations?: Translations,
): Resolved {
  const keys = keysOf(words);

  for (let p = 0; p < words.length; p++) {
    const word = words[p];
    if (word?.hashtag !== true) continue;
    const entries = index.words.exact.get(word.key);
    if (entries === undefined) continue;
    const best = bestEntries(entries);
    const [only] = best;
    if (best.length === 1 && only !== undefined) {
      return {
        resolution: { status: 'matched', ...candidate(index, only, 'hashtag', word.key, 0) },
        first: p,
        count: 1,
      };
    }
    return {
      resolution: {
        status: 'ambiguous',
        candidates: best.map((entry) => candidate(index, entry, 'hashtag', word.key, 0)),
        words: keys,
      },
      first: p,
      count: 1,
    };
  }

  for (let pass = 0; pass < 2; pass++) {
    for (let p = 0; p < words.length; p++) {
      // The user's own words anywhere first, then another language's: "bijli bill" is Bills
      // through the name "bill", as it was before Hindi words were known.
      const found =
        pass === 0
          ? exactAt(index, words, p)
          : translations === undefined
            ? null
            : translatedAt(index, words, p, translations);
      if (found === null) continue;
      const best = bestEntries(found.entries);
      // A word of another language is kept in the note like an alias: "almoço" says more
      // than "Food".
      const candidates = best.map((entry) =>
        candidate(index, entry, pass === 0 ? exactVia(entry) : 'alias', found.key, 0),
      );
      // "coffee and petrol 500": one amount for two categories is the user's call.
      const next = p + found.count;
      if (candidates.length === 1 && words[next]?.afterConjunction === true) {
        const other = exactAt(index, words, next);
        const [otherEntry] = other === null ? [] : bestEntries(other.entries);
        if (other !== null && otherEntry !== undefined) {
          if (otherEntry.order !== best[0]?.order) {
            candidates.push(candidate(index, otherEntry, exactVia(otherEntry), other.key, 0));
          }
        }
      }
      const [only] = candidates;
      if (candidates.length === 1 && only !== undefined) {
        return { resolution: { status: 'matched', ...only }, first: p, count: found.count };
      }
      return {
        resolution: { status: 'ambiguous', candidates, words: keys },
        first: p,
        count: found.count,
      };
    }
  }

  const limit = Math.min(words.length, FUZZY_WORD_LIMIT);
  for (let p = 0; p < limit; p++) {
    const word = words[p];
    if (word === undefined) continue;
    const candidates = fuzzyCandidates(index, word.key);
    const [best, second] = candidates;
    if (best === undefined) {
      const translated =
        translations === undefined ? null : fuzzyTranslated(index, word.key, translations);
      if (translated !== null) {
        return { resolution: { status: 'matched', ...translated }, first: p, count: 1 };
      }
      continue;
    }
    if (second === undefined || second.distance > best.distance) {
      return { resolution: { status: 'matched', ...best }, first: p, count: 1 };
    }
    return {
      resolution: { status: 'ambiguous', candidates: [...candidates], words: keys },
      first: p,
      count: 1,
    };
  }

  return { resolution: { status: 'none', words: keys }, first: 0, count: 0 };
}
