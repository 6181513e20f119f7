import type { UpiApp, UpiStatus } from '../reading.ts';
import type { Expected } from './expected.ts';
import { formatAmount } from './money.ts';
import type { Random } from './random.ts';
import type { Page, TextLine } from './svg.ts';

const payees = [
  'Swiggy',
  'Zomato Ltd',
  'Ramesh Kumar',
  'Priya Sharma',
  'Big Basket',
  'Uber India',
  'Sharma General Store',
  'IRCTC',
  'Anjali Verma',
  'Decathlon Sports',
];

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const digits = (random: Random, n: number) =>
  Array.from({ length: n }, (_, i) => random.int(i === 0 ? 1 : 0, 9)).join('');

const statusWords: Record<UpiApp, Record<UpiStatus, string>> = {
  'Google Pay': {
    success: 'Payment successful',
    failed: 'Payment failed',
    pending: 'Payment pending',
  },
  PhonePe: {
    success: 'Transaction Successful',
    failed: 'Transaction Failed',
    pending: 'Transaction Pending',
  },
  Paytm: {
    success: 'Paid Successfully',
    failed: 'Payment Failed',
    pending: 'Payment Processing',
  },
  BHIM: {
    success: 'Transaction Successful',
    failed: 'Transaction Declined',
    pending: 'Transaction Pending',
  },
};

const bandColours: Record<UpiStatus, string> = {
  success: '#1e8e3e',
  failed: '#d93025',
  pending: '#f29900',
};

export function upiCase(
  random: Random,
  app: UpiApp,
  status: UpiStatus,
): { page: Page; expected: Expected } {
  const payee = random.pick(payees);
  const amount = random.int(20, 9000) * 100 + (random.chance(0.3) ? random.int(1, 99) : 0);
  const shownAmount = formatAmount(amount, random.pick(['indian', 'plain'] as const)).replace(
    /\.00$/,
    random.chance(0.5) ? '' : '.00',
  );
  const utr = digits(random, 12);
  const day = random.int(1, 28);
  const month = random.int(1, 12);
  const when = `${day} ${months[month - 1]} 2026, ${random.int(1, 12)}:${String(random.int(0, 59)).padStart(2, '0')} ${random.pick(['am', 'pm'])}`;
  const size = random.int(24, 30);
  const dark = random.chance(0.3);
  const ink = dark ? '#f1f1f1' : '#202124';
  const lines: TextLine[] = [];
  const banded = random.chance(0.5);
  const headInk = banded ? '#ffffff' : ink;

  lines.push({
    text: statusWords[app][status],
    align: 'center',
    bold: true,
    size: size + 4,
    fill: headInk,
    gap: 1.5,
  });
  lines.push({
    text: `₹${shownAmount}`,
    align: 'center',
    bold: true,
    size: size + 22,
    fill: headInk,
  });
  lines.push({ text: when, align: 'center', size: size - 4, fill: headInk });

  const accountLine = `${random.pick(['State Bank of India', 'HDFC Bank', 'ICICI Bank', 'Axis Bank'])} ${random.pick(['XX', '**', 'xxxx '])}${digits(random, 4)}`;
  const vpa = `${payee.toLowerCase().replace(/[^a-z]/g, '')}@${random.pick(['okicici', 'ybl', 'paytm', 'upi', 'axl'])}`;
  switch (app) {
    case 'Google Pay':
      lines.push({ text: `To ${payee}`, size: size + 2, gap: 1.5, fill: ink, bold: true });
      lines.push({ text: vpa, fill: ink });
      lines.push({ text: `From: ${accountLine}`, fill: ink, gap: 1 });
      lines.push({ text: 'UPI transaction ID', fill: ink, gap: 1 });
      lines.push({ text: utr, fill: ink });
      lines.push({ text: 'Google transaction ID', fill: ink, gap: 1 });
      lines.push({ text: `CICAgO${digits(random, 6)}Ew`, fill: ink });
      break;
    case 'PhonePe':
      lines.push({ text: 'Paid to', gap: 1.5, fill: ink });
      lines.push({ text: payee, size: size + 2, bold: true, fill: ink });
      lines.push({ text: vpa, fill: ink });
      lines.push({ text: 'Transaction ID', gap: 1, fill: ink });
      lines.push({ text: `T2026${digits(random, 14)}`, fill: ink });
      lines.push({ text: 'Debited from', gap: 1, fill: ink });
      lines.push({ text: accountLine, fill: ink });
      lines.push({ text: `UTR: ${utr}`, fill: ink });
      break;
    case 'Paytm':
      lines.push({ text: 'Paid to', gap: 1.5, fill: ink });
      lines.push({ text: payee, size: size + 2, bold: true, fill: ink });
      lines.push({ text: `UPI ID: ${vpa}`, fill: ink });
      lines.push({ text: `UPI Ref No: ${utr}`, gap: 1, fill: ink });
      lines.push({ text: `From ${accountLine}`, fill: ink });
      break;
    case 'BHIM':
      lines.push({ text: `Paid to: ${payee}`, gap: 1.5, fill: ink, bold: true });
      lines.push({ text: `Amount: ₹ ${formatAmount(amount, 'plain')}`, fill: ink });
      lines.push({ text: `UPI Ref ID: ${utr}`, fill: ink });
      lines.push({ text: `Debited from ${accountLine}`, fill: ink });
      break;
  }
  if (status === 'failed') {
    lines.push({
      text: 'Money has not been debited from your account',
      size: size - 4,
      gap: 1,
      fill: ink,
    });
  } else if (status === 'pending') {
    lines.push({ text: 'We will update you in 48 hours', size: size - 4, gap: 1, fill: ink });
  }
  lines.push({ text: random.pick(['Share', 'Done']), align: 'center', gap: 2, fill: ink });

  return {
    page: {
      width: random.int(540, 720),
      font: random.pick(['DejaVu Sans', 'Liberation Sans']),
      size,
      background: dark ? '#1f1f1f' : '#ffffff',
      lines,
      ...(banded ? { band: { fill: bandColours[status], lines: 3 } } : {}),
    },
    expected: {
      kind: 'upi',
      status,
      amountMinor: amount,
      currency: 'INR',
      merchant: payee,
      date: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      reference: utr,
    },
  };
}
