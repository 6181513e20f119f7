import { describe, expect, it } from 'vitest';
import { parse } from '../parse.ts';
import { contexts } from './contexts.ts';
import { languages, mismatch } from './languages.ts';

// The bar for each language; the parser reads 98% or more of each today, so losing a few
// messages still passes but losing a habit of writing does not.
const THRESHOLD = 0.95;

describe('the language corpora', () => {
  it('hold at least 100 messages per language', () => {
    for (const entries of Object.values(languages)) {
      expect(entries.length).toBeGreaterThanOrEqual(100);
    }
  });

  it(`read at least ${THRESHOLD * 100}% of each language right`, () => {
    const rows: string[] = [];
    const misses: string[] = [];
    const shares: Record<string, number> = {};
    for (const [language, entries] of Object.entries(languages)) {
      let right = 0;
      for (const entry of entries) {
        const why = mismatch(entry, parse(entry.text, contexts[entry.context]));
        if (why === null) right++;
        else misses.push(`${language}: ${JSON.stringify(entry.text)}: ${why}`);
      }
      shares[language] = right / entries.length;
      const share = ((100 * right) / entries.length).toFixed(1);
      rows.push(
        `${language.padEnd(16)} ${String(right).padStart(4)} / ${entries.length}  ${share}%`,
      );
    }
    console.log(`language         right / all  share\n${rows.join('\n')}`);
    if (process.env.CORPUS_MISSES === '1') console.log(misses.join('\n'));
    for (const [language, share] of Object.entries(shares)) {
      expect({ language, share: share >= THRESHOLD }).toEqual({ language, share: true });
    }
  });
});
