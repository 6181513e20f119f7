import type { Page } from 'tesseract.js';

export interface OcrWord {
  text: string;
  confidence: number;
  /** Per-character confidence, to spot a currency sign misread as a digit. */
  symbols: { text: string; confidence: number }[];
}

export interface OcrLine {
  text: string;
  /** Height of the line's box in pixels; payment screens print the amount largest. */
  height: number;
  words: OcrWord[];
}

interface PlacedLine extends OcrLine {
  left: number;
  right: number;
  /** The baseline as a straight line, to follow a tilted photo across the page. */
  baseline: { x: number; y: number; slope: number };
}

function baselineAt(line: PlacedLine, x: number): number {
  return line.baseline.y + line.baseline.slope * (x - line.baseline.x);
}

/**
 * Tesseract sometimes reads a bill's labels and its amounts as separate columns. Lines
 * that sit on one baseline (followed along its tilt) side by side are one printed line.
 */
function joinRows(lines: PlacedLine[]): PlacedLine[] {
  const rows: PlacedLine[] = [];
  for (const line of [...lines].sort((a, b) => a.left - b.left)) {
    const row = rows.find(
      (r) =>
        line.left >= r.right - 2 &&
        Math.abs(baselineAt(r, line.left) - baselineAt(line, line.left)) <
          Math.min(r.height, line.height) * 0.5,
    );
    if (!row) {
      rows.push({ ...line });
      continue;
    }
    // "2,978." and "98" split at the decimal point join without a space.
    row.text += /[.,]$/.test(row.text) && /^\d/.test(line.text) ? line.text : ` ${line.text}`;
    row.words = [...row.words, ...line.words];
    row.right = line.right;
    row.height = Math.max(row.height, line.height);
  }
  return rows.sort((a, b) => baselineAt(a, 0) - baselineAt(b, 0));
}

export function linesOfPage(page: Page): OcrLine[] {
  const lines: PlacedLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const text = line.text.replace(/\s+/g, ' ').trim();
        if (text === '') continue;
        const { x0, y0, x1, y1 } = line.baseline;
        lines.push({
          text,
          height: line.bbox.y1 - line.bbox.y0,
          left: line.bbox.x0,
          right: line.bbox.x1,
          baseline: { x: x0, y: y0, slope: x1 === x0 ? 0 : (y1 - y0) / (x1 - x0) },
          words: line.words.map((word) => ({
            text: word.text,
            confidence: word.confidence,
            symbols: word.symbols.map((s) => ({ text: s.text, confidence: s.confidence })),
          })),
        });
      }
    }
  }
  return joinRows(lines).map(({ text, height, words }) => ({ text, height, words }));
}

/** Lines from plain text, all the same height, for reading text that has no boxes. */
export function linesOfText(text: string): OcrLine[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((line) => ({
      text: line,
      height: 1,
      words: line.split(' ').map((word) => ({ text: word, confidence: 90, symbols: [] })),
    }));
}
