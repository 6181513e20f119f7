import type { Expected } from './expected.ts';
import type { Random } from './random.ts';

// Images people send that are not bills: a photo and a meme with a number in it.
export function photoSvg(random: Random): string {
  const width = random.int(600, 900);
  const height = random.int(500, 800);
  const hue = random.int(0, 359);
  const circles = Array.from({ length: random.int(4, 9) }, () => {
    const r = random.int(30, 160);
    return `<circle cx="${random.int(0, width)}" cy="${random.int(0, height)}" r="${r}" fill="hsl(${random.int(0, 359)},60%,${random.int(30, 70)}%)" opacity="0.7"/>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 120) % 360},50%,25%)"/></linearGradient></defs>`,
    '<rect width="100%" height="100%" fill="url(#g)"/>',
    ...circles,
    '</svg>',
  ].join('\n');
}

const memes = [
  ['ME AFTER SPENDING', '500 ON COFFEE'],
  ['ONE DOES NOT SIMPLY', 'STICK TO A BUDGET'],
  ['WHEN THE SALARY', 'ARRIVES ON THE 1ST'],
  ['MONDAY MOOD', 'LOADING 99%'],
];

export function memeSvg(random: Random): string {
  const [top, bottom] = random.pick(memes);
  const width = 700;
  const height = 600;
  const text = (content: string | undefined, y: number) =>
    `<text x="${width / 2}" y="${y}" font-size="52" font-weight="bold" fill="#fff" stroke="#000" stroke-width="2" text-anchor="middle">${content ?? ''}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans">`,
    `<rect width="100%" height="100%" fill="hsl(${random.int(0, 359)},35%,40%)"/>`,
    `<ellipse cx="350" cy="320" rx="160" ry="190" fill="hsl(30,40%,${random.int(45, 70)}%)"/>`,
    text(top, 80),
    text(bottom, height - 40),
    '</svg>',
  ].join('\n');
}

export const notAnExpense: Expected = { kind: 'unknown' };
