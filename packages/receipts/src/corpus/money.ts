// How printed amounts look on Indian, US and European bills.
export type Style = 'indian' | 'plain' | 'western' | 'comma-decimal';

export function formatAmount(minor: number, style: Style): string {
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const units = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  let whole = String(units);
  if (style === 'indian' && whole.length > 3) {
    const head = whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
    whole = `${head},${whole.slice(-3)}`;
  } else if (style === 'western') {
    whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  const separator = style === 'comma-decimal' ? ',' : '.';
  return `${negative ? '-' : ''}${whole}${separator}${cents}`;
}
