import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { looksLikeRupee, widerThanDigits } from './rupee-sign.ts';

// One glyph drawn black on white, with the box Tesseract would give it: its ink.
async function glyph(char: string, font: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="80" height="80" fill="#fff"/><text x="20" y="60" font-family="${font}" font-weight="bold" font-size="48">${char}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .greyscale()
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const box = { x0: info.width, y0: info.height, x1: 0, y1: 0 };
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if ((data[y * info.width + x] ?? 255) >= 128) continue;
      box.x0 = Math.min(box.x0, x);
      box.y0 = Math.min(box.y0, y);
      box.x1 = Math.max(box.x1, x + 1);
      box.y1 = Math.max(box.y1, y + 1);
    }
  }
  return looksLikeRupee({ data, width: info.width }, box);
}

describe('looksLikeRupee', () => {
  for (const font of ['DejaVu Sans', 'Liberation Sans', 'Liberation Sans Narrow', 'DejaVu Serif']) {
    it(`tells the rupee sign from the digits OCR reads it as, in ${font}`, async () => {
      expect(await glyph('₹', font)).toBe(true);
      for (const digit of ['1', '2', '3', '5', '7', '8', '9']) {
        expect(await glyph(digit, font), digit).toBe(false);
      }
    });
  }
});

describe('widerThanDigits', () => {
  const word = (...widths: [string, number][]) => {
    let x = 0;
    return {
      symbols: widths.map(([text, width]) => {
        const bbox = { x0: x, y0: 0, x1: x + width, y1: 40 };
        x += width + 4;
        return { text, bbox };
      }),
    };
  };

  it('takes a first character much wider than the digits after it for a sign', () => {
    expect(widerThanDigits(word(['3', 48], ['8', 30], ['0', 31], ['6', 30]))).toBe(true);
  });

  it('leaves a real first digit, and a narrow 1 among the others, alone', () => {
    expect(widerThanDigits(word(['3', 31], ['8', 30], ['0', 31], ['6', 30]))).toBe(false);
    expect(widerThanDigits(word(['2', 30], ['1', 12], ['1', 12], ['5', 29], ['0', 30]))).toBe(
      false,
    );
  });
});
