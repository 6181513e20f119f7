// The language a chat asks for ("idioma português", "bahasa indonesia", "भाषा हिंदी",
// "language english") and the language a message is written in, for a number that has
// no account (and so no language setting) yet.
import { normalize, tokenize, type Token } from './tokenize.ts';
import { wordMap, wordSet } from './words.ts';

/** The languages the chat speaks, as its catalogs name them. */
export type ChatLanguage = 'en' | 'pt-BR' | 'es' | 'id' | 'hi';

/** The word for "language" in each of them. */
// prettier-ignore
const LANGUAGE = wordSet([
  'language', 'lang', 'idioma', 'língua', 'lingua', 'bahasa', 'भाषा', 'bhasha', 'bhasa',
]);

/** Each language's name as its own speakers and English speakers write it. */
// prettier-ignore
const NAMES = wordMap<ChatLanguage>([
  ['english', 'en'], ['inglês', 'en'], ['ingles', 'en'], ['inglés', 'en'], ['inggris', 'en'],
  ['अंग्रेज़ी', 'en'], ['अंग्रेजी', 'en'], ['angrezi', 'en'],
  ['português', 'pt-BR'], ['portugues', 'pt-BR'], ['portuguese', 'pt-BR'],
  ['portuguesa', 'pt-BR'], ['portugués', 'pt-BR'],
  ['español', 'es'], ['espanol', 'es'], ['spanish', 'es'], ['espanhol', 'es'],
  ['castellano', 'es'], ['spanyol', 'es'],
  ['indonesia', 'id'], ['indonesian', 'id'], ['indonésio', 'id'], ['indonesio', 'id'],
  ['हिंदी', 'hi'], ['हिन्दी', 'hi'], ['hindi', 'hi'],
]);

/** What may come with the two words: "change language to english", "idioma em português". */
// prettier-ignore
const LINKS = wordSet([
  'to', 'in', 'em', 'en', 'para', 'ke', 'ko', 'में', 'please', 'pls', 'change', 'set', 'switch',
  'mudar', 'trocar', 'cambiar', 'ganti', 'ubah', 'badlo', 'बदलो',
]);

/**
 * The language a message asks the chat to speak: the word for "language" and a
 * language's name, in either order, with nothing else but linking words. Null otherwise.
 */
export function languageCommand(tokens: readonly Token[]): ChatLanguage | null {
  const words = tokens.filter((t) => t.kind !== 'break' && t.kind !== 'symbol');
  if (words.length < 2 || words.length > 5) return null;
  if (!words.every((t) => t.kind === 'word')) return null;
  const keyword = words.findIndex((t) => LANGUAGE.has(t.key));
  if (keyword === -1) return null;
  const rest = words.filter((_, i) => i !== keyword && !LINKS.has(words[i]!.key));
  if (rest.length !== 1) return null;
  return NAMES.get(rest[0]!.key) ?? null;
}

// Words common in a first message (greetings, "spent", "yesterday"...), each telling one
// language apart from the others; a word two of them share ("hari", "kal") is left out.
// prettier-ignore
const CLUES = wordMap<ChatLanguage>([
  ['olá', 'pt-BR'], ['oi', 'pt-BR'], ['gastei', 'pt-BR'], ['obrigado', 'pt-BR'],
  ['obrigada', 'pt-BR'], ['ontem', 'pt-BR'], ['hoje', 'pt-BR'], ['almoço', 'pt-BR'],
  ['você', 'pt-BR'], ['bom', 'pt-BR'], ['boa', 'pt-BR'], ['tarde', 'pt-BR'],
  ['hola', 'es'], ['gasté', 'es'], ['gaste', 'es'], ['gracias', 'es'], ['ayer', 'es'],
  ['hoy', 'es'], ['buenos', 'es'], ['buenas', 'es'], ['comida', 'es'], ['qué', 'es'],
  ['halo', 'id'], ['makan', 'id'], ['kemarin', 'id'], ['siang', 'id'], ['terima', 'id'],
  ['kasih', 'id'], ['selamat', 'id'], ['pagi', 'id'], ['saya', 'id'], ['berapa', 'id'],
  ['namaste', 'hi'], ['namaskar', 'hi'], ['kharcha', 'hi'], ['kitna', 'hi'], ['dhanyavad', 'hi'],
]);

const DEVANAGARI = /\p{Script=Devanagari}/u;

/**
 * The language a message seems written in: Devanagari is Hindi, otherwise the language
 * most of its clue words belong to. Null when nothing tells (plain English reads so too).
 */
export function guessLanguage(text: string): ChatLanguage | null {
  const votes = new Map<ChatLanguage, number>();
  // A greeting is short: the first words tell as much as the whole of a long message.
  for (const token of tokenize(normalize(text.slice(0, 500)))) {
    if (token.kind !== 'word') continue;
    if (DEVANAGARI.test(token.text)) return 'hi';
    const language = CLUES.get(token.key);
    if (language) votes.set(language, (votes.get(language) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return null;
  return first[0];
}
