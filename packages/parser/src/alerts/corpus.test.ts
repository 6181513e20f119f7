// Forwarded bank and card SMS as people receive them, each with the kind and amount it
// must read as: the share read right must stay at 98% or more, and nothing that is not a
// payment (an OTP, an offer, a failed payment) may ever read as an entry.
import { minorToDecimal } from '@spendline/ledger';
import { describe, expect, it } from 'vitest';
import { corpus as chatCorpus } from '../corpus/corpus.ts';
import { readAlert } from './read.ts';
import sms from './sms.json' with { type: 'json' };

interface Sms {
  bank: string;
  text: string;
  kind: 'debit' | 'credit' | 'none';
  amount?: string;
  currency?: string;
  reason?: string;
  date?: string;
  payee?: string;
  reference?: string;
}

const messages = sms as Sms[];

/** What was read, in the corpus's own terms. */
function reading(text: string) {
  const read = readAlert(text);
  if (read === null) return { kind: 'not an alert' };
  if (read.kind === 'none') return { kind: 'none', reason: read.reason };
  return {
    kind: read.kind,
    amount: read.amount && minorToDecimal(read.amount.amountMinor, read.amount.currency),
    currency: read.amount?.currency,
  };
}

const expected = (message: Sms) =>
  message.kind === 'none'
    ? { kind: 'none', reason: message.reason }
    : { kind: message.kind, amount: message.amount, currency: message.currency ?? 'INR' };

const right = (message: Sms) =>
  JSON.stringify(reading(message.text)) === JSON.stringify(expected(message));

describe('the bank and card SMS corpus', () => {
  it('holds at least 60 messages from many banks, with OTPs, offers, balances and failures', () => {
    expect(messages.length).toBeGreaterThanOrEqual(60);
    expect(new Set(messages.map((m) => m.bank)).size).toBeGreaterThanOrEqual(15);
    for (const reason of ['otp', 'promotion', 'balance', 'failed']) {
      expect(messages.filter((m) => m.reason === reason).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('reads the kind and amount of at least 98% right', () => {
    const wrong = messages.filter((m) => !right(m));
    const share = (messages.length - wrong.length) / messages.length;
    console.log(
      `bank SMS: ${messages.length - wrong.length}/${messages.length} right (${(share * 100).toFixed(1)}%)`,
    );
    expect(
      share,
      wrong.map((m) => `${m.text} -> ${JSON.stringify(reading(m.text))}`).join('\n'),
    ).toBeGreaterThanOrEqual(0.98);
  });

  it('never reads an OTP, an offer or a failed payment as an entry', () => {
    const never = messages.filter((m) => ['otp', 'promotion', 'failed'].includes(m.reason ?? ''));
    expect(never.length).toBeGreaterThanOrEqual(15);
    for (const message of never) {
      expect(readAlert(message.text), message.text).toMatchObject({ kind: 'none' });
    }
  });

  it.each(
    messages.filter((m) => m.date || m.payee || m.reference).map((m) => [m.text, m] as const),
  )('reads the date, payee and reference of: %s', (text, message) => {
    const read = readAlert(text);
    expect(read?.kind).toBe(message.kind);
    if (!read || read.kind === 'none') return;
    if (message.date) expect(read.date).toBe(message.date);
    if (message.payee) expect(read.payee?.name).toBe(message.payee);
    if (message.reference) expect(read.reference).toBe(message.reference);
  });

  it('takes none of the chat corpus messages for an alert', () => {
    const taken = chatCorpus.filter((entry) => readAlert(entry.text) !== null);
    expect(taken.map((entry) => entry.text)).toEqual([]);
  });
});
