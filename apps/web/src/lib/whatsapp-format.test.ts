import { describe, expect, it } from 'vitest';
import { formatWhatsApp } from './whatsapp-format.ts';

describe('formatWhatsApp', () => {
  it('reads bold, italic and strike as WhatsApp does', () => {
    expect(formatWhatsApp('*Today*: ₹250 _so far_ ~not~')).toEqual([
      {
        kind: 'text',
        spans: [
          { text: 'Today', bold: true },
          { text: ': ₹250 ' },
          { text: 'so far', italic: true },
          { text: ' ' },
          { text: 'not', strike: true },
        ],
      },
    ]);
  });

  it('nests styles', () => {
    expect(formatWhatsApp('*bold _and italic_*')).toEqual([
      {
        kind: 'text',
        spans: [
          { text: 'bold ', bold: true },
          { text: 'and italic', bold: true, italic: true },
        ],
      },
    ]);
  });

  it('leaves markers inside words, around spaces or across lines as typed', () => {
    for (const text of [
      '2*3*4',
      'snake_case_name',
      '* not bold *',
      'a *b\nc* d',
      '**',
      'x ~ y ~ z',
    ]) {
      const blocks = formatWhatsApp(text);
      const spans = blocks.flatMap((b) => (b.kind === 'text' ? b.spans : []));
      expect(spans.every((s) => !s.bold && !s.italic && !s.strike)).toBe(true);
      expect(spans.map((s) => s.text).join('')).toBe(text);
    }
  });

  it('keeps a ``` block as fixed-width text with its spaces, without styling it', () => {
    const message =
      '*Week*: ₹6,358.00\n```\nFood & Dining  ₹4,450.00  70%\nFuel *x*         ₹908.00  14%\n```\nmore';
    expect(formatWhatsApp(message)).toEqual([
      { kind: 'text', spans: [{ text: 'Week', bold: true }, { text: ': ₹6,358.00' }] },
      { kind: 'mono', text: 'Food & Dining  ₹4,450.00  70%\nFuel *x*         ₹908.00  14%' },
      { kind: 'text', spans: [{ text: 'more' }] },
    ]);
  });

  it('shows an unpaired fence as typed', () => {
    expect(formatWhatsApp('a ``` b')).toEqual([{ kind: 'text', spans: [{ text: 'a ``` b' }] }]);
  });

  it('reads `inline code` without styles inside', () => {
    expect(formatWhatsApp('send `LINK *123*`')).toEqual([
      { kind: 'text', spans: [{ text: 'send ' }, { text: 'LINK *123*', code: true }] },
    ]);
  });

  it('keeps markup as text: it is data for text nodes, never HTML', () => {
    const [block] = formatWhatsApp('*<img src=x onerror=alert(1)>*');
    expect(block).toEqual({
      kind: 'text',
      spans: [{ text: '<img src=x onerror=alert(1)>', bold: true }],
    });
  });
});
