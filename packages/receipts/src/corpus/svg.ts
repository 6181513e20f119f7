// Text lines laid out on a page; the renderers describe receipts and screens with these.
export interface TextLine {
  text: string;
  /** Right-hand text on the same line, right-aligned (a price beside its label). */
  right?: string;
  size?: number;
  bold?: boolean;
  align?: 'left' | 'center';
  fill?: string;
  /** Space before the line, in multiples of its size. */
  gap?: number;
}

export interface Page {
  width: number;
  font: string;
  size: number;
  background: string;
  lines: TextLine[];
  /** Coloured band behind the first lines, like a payment app's header. */
  band?: { fill: string; lines: number };
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderSvg(page: Page): string {
  const margin = Math.round(page.width * 0.06);
  let y = margin;
  let bandBottom = 0;
  const body: string[] = [];
  page.lines.forEach((line, index) => {
    const size = line.size ?? page.size;
    y += Math.round(size * (line.gap ?? 0.45)) + size;
    const weight = line.bold ? ' font-weight="bold"' : '';
    const fill = line.fill ?? '#111';
    const x = line.align === 'center' ? page.width / 2 : margin;
    const anchor = line.align === 'center' ? 'middle' : 'start';
    body.push(
      `<text x="${x}" y="${y}" font-size="${size}"${weight} fill="${fill}" text-anchor="${anchor}">${escape(line.text)}</text>`,
    );
    if (line.right !== undefined) {
      body.push(
        `<text x="${page.width - margin}" y="${y}" font-size="${size}"${weight} fill="${fill}" text-anchor="end">${escape(line.right)}</text>`,
      );
    }
    if (page.band && index === page.band.lines - 1) bandBottom = y + Math.round(size * 0.8);
  });
  const height = y + margin * 2;
  const band = page.band
    ? `<rect x="0" y="0" width="${page.width}" height="${bandBottom}" fill="${page.band.fill}"/>`
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${height}">`,
    `<rect width="100%" height="100%" fill="${page.background}"/>`,
    band,
    `<g font-family="${page.font}">`,
    ...body,
    '</g></svg>',
  ].join('\n');
}
