import sharp from 'sharp';
import type { Page, Symbol as OcrSymbol, Word } from 'tesseract.js';

// Tesseract's English model has no ₹; it reads the sign before an amount as a digit
// (₹4,569.54 becomes 34,569.54) as often as X or %. The sign is told from what was read
// by its shape: a bar across its whole width at the top, a second one lower down, and
// between them no ink at its left edge (the bowl hangs from the bars), which no digit has.

const CANDIDATE = /^[2379X%?=¥]\d[\d,.]*$/;
const INK = 128;
const FULL_ROW = 0.75;

interface Grey {
  data: Buffer;
  width: number;
}

const isInk = (grey: Grey, x: number, y: number) => (grey.data[y * grey.width + x] ?? 255) < INK;

export function looksLikeRupee(grey: Grey, box: OcrSymbol['bbox']): boolean {
  const height = box.y1 - box.y0;
  const at = (fraction: number) => box.y0 + Math.round(height * fraction);
  // Tesseract's box may run past the glyph; measure across the ink itself, ignoring
  // columns with only a speck of grain in them.
  let left = box.x1;
  let right = box.x0 - 1;
  for (let x = box.x0; x < box.x1; x++) {
    let ink = 0;
    for (let y = box.y0; y < at(0.5); y++) if (isInk(grey, x, y)) ink++;
    if (ink < 3) continue;
    left = Math.min(left, x);
    right = Math.max(right, x);
  }
  const width = right - left + 1;
  if (width < 4 || height < 8) return false;
  const row = (y: number) => {
    let ink = 0;
    let atLeftEdge = false;
    for (let x = left; x <= right; x++) {
      if (!isInk(grey, x, y)) continue;
      ink++;
      if (x < left + width * 0.15) atLeftEdge = true;
    }
    return { full: ink / width >= FULL_ROW, atLeftEdge };
  };
  let y = box.y0;
  while (y < at(0.12) && !row(y).full) y++;
  if (y >= at(0.12)) return false;
  while (y < at(0.5) && row(y).full) y++;
  for (let gap = 0; y < at(0.5); y++, gap++) {
    const current = row(y);
    if (current.full) return gap >= 2;
    if (current.atLeftEdge) return false;
  }
  return false;
}

/**
 * Digits are drawn about equally wide ("1" aside); a first "digit" much wider than the
 * others after it is a sign, whatever shape the image processing left it.
 */
export function widerThanDigits(word: {
  symbols: readonly Pick<OcrSymbol, 'text' | 'bbox'>[];
}): boolean {
  const [first, ...rest] = word.symbols;
  if (!first) return false;
  const widths = rest
    .filter((s) => /^[02-9]$/.test(s.text))
    .map((s) => s.bbox.x1 - s.bbox.x0)
    .sort((a, b) => a - b);
  const median = widths[Math.floor(widths.length / 2)];
  if (median === undefined || widths.length < 2) return false;
  return first.bbox.x1 - first.bbox.x0 > median * 1.3;
}

function candidates(page: Page): Word[] {
  const words: Word[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        words.push(
          ...line.words.filter((word) => CANDIDATE.test(word.text) && word.symbols.length >= 3),
        );
      }
    }
  }
  return words;
}

/** Rewrites, in place, a rupee sign Tesseract read as a digit or letter back to ₹. */
export async function restoreRupeeSigns(page: Page, image: Buffer): Promise<void> {
  const words = candidates(page);
  if (words.length === 0) return;
  const { data, info } = await sharp(image)
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = { data, width: info.width };
  for (const word of words) {
    const [first] = word.symbols;
    if (!first || !(widerThanDigits(word) || looksLikeRupee(grey, first.bbox))) continue;
    const restored = `₹${word.text.slice(first.text.length)}`;
    for (const block of page.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        for (const line of paragraph.lines) {
          if (line.words.includes(word)) line.text = line.text.replace(word.text, restored);
        }
      }
    }
    first.text = '₹';
    word.text = restored;
  }
}
