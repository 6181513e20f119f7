// Chart colours: a category's own colour when it has one, else the theme's palette
// (tokens in app.css, with light and dark variants that keep 3:1 against the surface).
const PALETTE = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'];

export function seriesColor(index: number, own?: string | null): string {
  if (own && /^#[0-9a-f]{6}$/i.test(own)) return own;
  return `var(${PALETTE[index % PALETTE.length]})`;
}
