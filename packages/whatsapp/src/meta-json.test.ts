import { describe, expect, it } from 'vitest';
import { metaJson } from './meta-json.ts';

describe('metaJson', () => {
  it('escapes non-ASCII characters as \\uXXXX and keeps the output pure ASCII', () => {
    const json = metaJson({ name: 'Jürgen', note: '₹120 चाय' });
    expect(json).toBe('{"name":"J\\u00fcrgen","note":"\\u20b9120 \\u091a\\u093e\\u092f"}');
    expect(/^[\x20-\x7e]*$/.test(json)).toBe(true);
  });

  it('escapes characters outside the BMP as surrogate pairs', () => {
    expect(metaJson('🍞')).toBe('"\\ud83c\\udf5e"');
  });

  it('escapes slashes as Meta does', () => {
    expect(metaJson({ url: 'https://a.b/c' })).toBe('{"url":"https:\\/\\/a.b\\/c"}');
  });

  it('round-trips through JSON.parse to the same value', () => {
    const value = { a: ['ä/ö', 1, null, true], b: { 'ké/y': '🍞 "quoted" \\ back' } };
    expect(JSON.parse(metaJson(value))).toEqual(value);
  });

  it('throws on a value JSON cannot represent', () => {
    expect(() => metaJson(undefined)).toThrow(TypeError);
  });
});
