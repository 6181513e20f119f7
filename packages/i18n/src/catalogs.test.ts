// Every catalog on disk, whichever package's domain it is, is held to the English one:
// same keys, messages that parse, the same arguments, and words actually translated.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales.ts';
import { PARSE_OPTIONS } from './translate.ts';

const PACKAGE = fileURLToPath(new URL('../', import.meta.url));
const MESSAGES = join(PACKAGE, 'messages');

async function readCatalog(locale: string, domain: string): Promise<Record<string, string>> {
  return JSON.parse(await readFile(join(MESSAGES, locale, `${domain}.json`), 'utf8')) as Record<
    string,
    string
  >;
}

const domains = (await readdir(join(MESSAGES, 'en')))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();

/** Values that read the same in every language (brand names), so may equal the English. */
const sameAsEnglish = new Set(
  JSON.parse(await readFile(join(PACKAGE, 'same-as-english.json'), 'utf8')) as string[],
);

/** The names of the arguments a message takes, nested plural and select branches included. */
function argumentNames(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    names.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentNames(option.value, names);
    }
    if (element.type === TYPE.tag) argumentNames(element.children, names);
  }
  return names;
}

const hasLetters = (text: string) => /\p{L}/u.test(text.replace(/\{[^{}]*\}/g, ''));

it('finds the catalogs', () => {
  expect(domains).toContain('chat');
});

it('keeps a folder for each locale and no other', async () => {
  const folders = (await readdir(MESSAGES, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  expect(folders.sort()).toEqual([...LOCALES].sort());
});

describe.each(domains)('domain %s', (domain) => {
  it.each(LOCALES)(
    '%s has exactly the English keys, each parsing with its arguments',
    async (locale) => {
      const english = await readCatalog('en', domain);
      const catalog = await readCatalog(locale, domain);
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
      for (const [key, message] of Object.entries(catalog)) {
        const englishArguments = [
          ...argumentNames(parse(english[key] ?? '', PARSE_OPTIONS)),
        ].sort();
        let ast: MessageFormatElement[];
        try {
          ast = parse(message, PARSE_OPTIONS);
        } catch (error) {
          throw new Error(`${locale}/${domain}.json "${key}" does not parse: ${String(error)}`);
        }
        expect([...argumentNames(ast)].sort(), `${locale}/${domain}.json "${key}"`).toEqual(
          englishArguments,
        );
      }
    },
  );

  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    '%s translates every message with words in it',
    async (locale) => {
      const english = await readCatalog('en', domain);
      const catalog = await readCatalog(locale, domain);
      const untranslated = Object.entries(catalog)
        .filter(([key, message]) => message === english[key])
        .filter(([, message]) => hasLetters(message) && !sameAsEnglish.has(message))
        .map(([key]) => key);
      expect(untranslated).toEqual([]);
    },
  );
});
