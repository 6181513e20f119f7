import { IntlMessageFormat } from 'intl-messageformat';

export type Messages = Readonly<Record<string, string>>;
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: string, values?: MessageValues) => string;

/**
 * Chat text uses WhatsApp's *bold* and _italic_, never markup tags, so a "<" in a message
 * is plain text; the catalog test parses with the same option.
 */
export const PARSE_OPTIONS = { ignoreTag: true } as const;

// Compiling a message is the slow part: one compiled format per catalog, tag and key.
const compiled = new WeakMap<Messages, Map<string, IntlMessageFormat>>();

function compile(messages: Messages, tag: string, key: string): IntlMessageFormat | undefined {
  let cache = compiled.get(messages);
  if (!cache) {
    cache = new Map();
    compiled.set(messages, cache);
  }
  const cacheKey = `${tag}\u0000${key}`;
  let format = cache.get(cacheKey);
  if (!format) {
    const message = messages[key];
    if (message === undefined) return undefined;
    format = new IntlMessageFormat(message, tag, undefined, PARSE_OPTIONS);
    cache.set(cacheKey, format);
  }
  return format;
}

/**
 * Formats keys of one catalog for a user's full tag (e.g. 'es-MX': Spanish words, Mexican
 * numbers and dates). A key the catalog lacks is taken from `fallback` (English), formatted
 * with the same tag; the catalog test keeps every catalog complete, so a key missing from
 * both is a programming error and throws.
 */
export function translator(messages: Messages, tag: string, fallback?: Messages): Translate {
  return (key, values) => {
    const format =
      compile(messages, tag, key) ?? (fallback ? compile(fallback, tag, key) : undefined);
    if (!format) throw new Error(`No message "${key}" in the catalog`);
    const out = format.format<string>(values);
    return Array.isArray(out) ? out.join('') : out;
  };
}
