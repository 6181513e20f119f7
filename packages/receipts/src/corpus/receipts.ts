import type { Expected } from './expected.ts';
import { formatAmount, type Style } from './money.ts';
import type { Random } from './random.ts';
import type { Page, TextLine } from './svg.ts';

interface Shop {
  name: string;
  currency: 'INR' | 'USD' | 'EUR' | 'GBP';
  tax: 'gst' | 'vat' | 'sales';
  address: string;
}

const shops: readonly Shop[] = [
  { name: 'DMart', currency: 'INR', tax: 'gst', address: 'Powai, Mumbai 400076' },
  { name: 'Reliance Fresh', currency: 'INR', tax: 'gst', address: 'MG Road, Pune' },
  { name: 'More Supermarket', currency: 'INR', tax: 'gst', address: 'Indiranagar, Bengaluru' },
  { name: 'Cafe Coffee Day', currency: 'INR', tax: 'gst', address: 'Sector 18, Noida' },
  { name: 'Apollo Pharmacy', currency: 'INR', tax: 'gst', address: 'T Nagar, Chennai' },
  { name: 'Chai Point', currency: 'INR', tax: 'gst', address: 'HSR Layout, Bengaluru' },
  { name: 'Spar Hypermarket', currency: 'INR', tax: 'gst', address: 'Banjara Hills, Hyderabad' },
  { name: 'Haldiram Foods', currency: 'INR', tax: 'gst', address: 'Connaught Place, Delhi' },
  { name: 'Star Bazaar', currency: 'INR', tax: 'gst', address: 'Andheri West, Mumbai' },
  {
    name: 'Blue Bottle Coffee',
    currency: 'USD',
    tax: 'sales',
    address: 'Market St, San Francisco',
  },
  { name: 'Corner Deli', currency: 'USD', tax: 'sales', address: 'Broadway, New York' },
  { name: 'Carrefour City', currency: 'EUR', tax: 'vat', address: 'Rue de Rivoli, Paris' },
  { name: 'Albert Heijn', currency: 'EUR', tax: 'vat', address: 'Damrak, Amsterdam' },
  { name: 'Pret A Manger', currency: 'GBP', tax: 'vat', address: 'Strand, London' },
];

const products = [
  'Toor Dal 1kg',
  'Basmati Rice 5kg',
  'Amul Butter 500g',
  'Sunflower Oil 1L',
  'Tata Salt',
  'Maggi Noodles',
  'Cappuccino',
  'Paneer Tikka',
  'Masala Dosa',
  'Veg Sandwich',
  'Paracetamol 650',
  'Dettol Soap',
  'Green Tea',
  'Brown Bread',
  'Bananas 1 doz',
  'Orange Juice',
  'Chocolate Cookie',
  'Milk 1L',
];

const fonts = [
  'DejaVu Sans Mono',
  'Liberation Mono',
  'DejaVu Sans',
  'Liberation Sans',
  'Liberation Sans Narrow',
  'DejaVu Serif',
];

// Every label a bill uses for what was paid; the reader must pick it over subtotals.
const totalLabels = {
  INR: ['GRAND TOTAL', 'Total Payable', 'Net Amount', 'Amount Rs.', 'TOTAL', 'Bill Amount'],
  USD: ['TOTAL', 'Amount Due', 'Total'],
  EUR: ['TOTAL', 'Total TTC', 'Totaal'],
  GBP: ['TOTAL', 'Total to pay'],
} as const;

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function printedDate(year: number, month: number, day: number, shop: Shop, random: Random) {
  if (shop.currency === 'USD') return `${months[month - 1]} ${pad(day)}, ${year}`;
  return random.pick([
    `${pad(day)}/${pad(month)}/${year}`,
    `${pad(day)}-${months[month - 1]}-${year}`,
    `${year}-${pad(month)}-${pad(day)}`,
    `${pad(day)}.${pad(month)}.${year}`,
  ]);
}

const symbols = { INR: ['₹', 'Rs.', 'INR', ''], USD: ['$'], EUR: ['€', 'EUR'], GBP: ['£'] };

export function receiptCase(random: Random): { page: Page; expected: Expected } {
  const shop = random.pick(shops);
  const style: Style =
    shop.currency === 'INR'
      ? random.pick(['indian', 'plain'] as const)
      : shop.currency === 'EUR' && random.chance(0.4)
        ? 'comma-decimal'
        : 'western';
  const money = (minor: number) => formatAmount(minor, style);
  const size = random.int(22, 28);
  const lines: TextLine[] = [];
  if (random.chance(0.3)) lines.push({ text: 'TAX INVOICE', align: 'center', size: size - 4 });
  const upper = random.chance(0.5);
  lines.push({
    text: upper ? shop.name.toUpperCase() : shop.name,
    align: 'center',
    bold: true,
    size: size + 6,
  });
  lines.push({ text: shop.address, align: 'center', size: size - 4 });
  if (shop.tax === 'gst') {
    lines.push({
      text: `GSTIN: 27AAB${random.int(1000, 9999)}C1Z${random.int(1, 9)}`,
      align: 'center',
      size: size - 4,
    });
  } else {
    lines.push({
      text: `Tel ${random.int(200, 999)}-${random.int(1000, 9999)}`,
      align: 'center',
      size: size - 4,
    });
  }

  const year = 2026;
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  lines.push({
    text: `${random.pick(['Date:', 'Bill Dt:', 'Date'])} ${printedDate(year, month, day, shop, random)}`,
    right: `${pad(random.int(8, 22))}:${pad(random.int(0, 59))}`,
    gap: 1,
  });
  lines.push({ text: `Bill No: ${random.int(10000, 99999)}`, size: size - 2 });
  lines.push({ text: '-'.repeat(40), size: size - 6 });

  let subtotal = 0;
  const count = random.int(2, 6);
  for (let i = 0; i < count; i++) {
    const qty = random.int(1, 3);
    const rate =
      random.int(10, 600) * 100 + (random.chance(0.5) ? random.pick([0, 50, 25, 99]) : 0);
    subtotal += qty * rate;
    lines.push({ text: `${random.pick(products)} x${qty}`, right: money(qty * rate) });
  }
  lines.push({ text: '-'.repeat(40), size: size - 6 });
  lines.push({
    text: random.pick(['Sub Total', 'SUBTOTAL', 'Item Total']),
    right: money(subtotal),
  });

  let total = subtotal;
  if (random.chance(0.25)) {
    const discount = Math.round(subtotal * 0.05);
    total -= discount;
    lines.push({ text: 'Discount', right: `-${money(discount)}` });
  }
  const taxed = total;
  if (shop.tax === 'gst') {
    const half = Math.round(taxed * 0.025);
    lines.push({ text: 'CGST @2.5%', right: money(half) });
    lines.push({ text: 'SGST @2.5%', right: money(half) });
    total += half * 2;
  } else {
    const tax = Math.round(taxed * (shop.tax === 'vat' ? 0.1 : 0.08875));
    lines.push({ text: shop.tax === 'vat' ? 'VAT 10%' : 'Sales Tax 8.875%', right: money(tax) });
    total += tax;
  }
  if (shop.currency === 'INR' && total % 100 !== 0 && random.chance(0.4)) {
    const rounded = Math.round(total / 100) * 100;
    lines.push({ text: 'Round Off', right: money(rounded - total) });
    total = rounded;
  }

  const symbol = random.pick(symbols[shop.currency]);
  const label = random.pick(totalLabels[shop.currency]);
  const shown =
    label === 'Amount Rs.'
      ? money(total)
      : `${symbol}${symbol.length > 1 ? ' ' : ''}${money(total)}`;
  lines.push({ text: label, right: shown.trim(), bold: true, size: size + 2, gap: 0.8 });

  if (random.chance(0.5)) {
    const step = random.pick([10000, 50000, 100000]);
    const tendered = Math.ceil((total + 1) / step) * step;
    lines.push({ text: 'Cash', right: money(tendered), gap: 0.8 });
    lines.push({ text: 'Change', right: money(tendered - total) });
  } else {
    lines.push({ text: random.pick(['Paid by UPI', 'Card XXXX4821', 'Paid: Card']), gap: 0.8 });
  }
  lines.push({
    text: random.pick(['Thank you! Visit again', 'Thank You', 'Have a nice day']),
    align: 'center',
    gap: 1,
  });

  const currencyShown = label !== 'Amount Rs.' && symbol !== '' ? shop.currency : undefined;
  return {
    page: {
      width: random.int(560, 720),
      font: random.pick(fonts),
      size,
      background: '#fdfdf8',
      lines,
    },
    expected: {
      kind: 'receipt',
      amountMinor: total,
      currency: label === 'Amount Rs.' ? 'INR' : currencyShown,
      merchant: shop.name,
      date: `${year}-${pad(month)}-${pad(day)}`,
    },
  };
}
