// Forwarded bank and card SMS: whether a text is one, whether it records money going out
// (an expense) or coming in (income) or nothing at all, and the facts it carries. Pure:
// no clock, no database; the bot asks before anything read here is saved.
import {
  alertAccount,
  alertAmount,
  alertDate,
  alertPayee,
  alertReference,
  type AlertAmount,
  type Payee,
} from './fields.ts';

/** Why an alert records no entry. */
export type NotEntryReason =
  'otp' | 'promotion' | 'balance' | 'failed' | 'request' | 'reminder' | 'transfer' | 'notice';

export type AlertChannel =
  'upi' | 'card' | 'neft' | 'imps' | 'atm' | 'mandate' | 'wallet' | 'account';

export interface AlertEntry {
  kind: 'debit' | 'credit';
  /** Null when the alert names no amount the reader can trust. */
  amount: AlertAmount | null;
  /** YYYY-MM-DD as the alert names it, or null (then it is the day it arrived). */
  date: string | null;
  payee: Payee | null;
  /** The last digits of the account or card. */
  account: string | null;
  /** UPI ref, UTR, RRN or transaction id: the same payment seen twice shares it. */
  reference: string | null;
  channel: AlertChannel;
}

export type AlertReading = AlertEntry | { kind: 'none'; reason: NotEntryReason };

const has = (pattern: RegExp, text: string) => pattern.test(text);

// Signs that a text comes from a bank, a card issuer or a wallet, not from a person.
const BANK_SIGNS: RegExp[] = [
  /\b(?:debited|credited|withdrawn|deducted)\b/i,
  /\b(?:a\/c|acct|account)\b/i,
  /(?:[x*#]{2,}|\b[x*])\s?\d{3,6}\b/i,
  /\b(?:upi\s*ref|ref(?:erence)?\.?\s*no|refno|rrn|utr|txn\.?\s*(?:id|no)|transaction\s*id)\b/i,
  /\b(?:avl\.?\s*bal|available\s*(?:bal|balance|limit)|avl\.?\s*lmt|avl\s*limit)\b/i,
  /\bvpa\b|\b[a-z0-9._-]{2,}@(?:ok)?[a-z]{2,}\b(?!\.)/i,
  /\b(?:dear\s+(?:customer|cardmember|user|sbi\s+upi\s+user|upi\s+user))\b/i,
  /\bcard\s+(?:no\.?\s*)?(?:ending|[x*\s]*\d{4,5}\b)/i,
  /\b(?:hdfc|icici|axis|kotak|sbi|yes|idfc(?:\s+first)?|indusind|federal|canara|union|pnb|au|state)\s+bank\b/i,
  /\bnot\s+(?:you|u|done\s+by\s+you)\b/i,
  /\b(?:neft|imps|rtgs|e-?mandate|si\s+mandate|autopay|auto-?debit)\b/i,
  /-\s*(?:sbi|hdfc\s*bank|icici\s*bank|axis\s*bank|kotak|pnb|bob|idfc\s*first(?:\s*bank)?|yes\s*bank|paytm)\s*$/i,
];

const OTP =
  /\b(?:otp|one[\s-]time[\s-]password)\s+(?:for|to)\b[^\n]{0,120}?\bis\s*:?\s*\d{4,8}\b|\b(?:otp|one[\s-]time[\s-]pass(?:word|code)|verification\s+code|security\s+code|passcode)\b[^.\n]{0,50}?(?<![\d,.])\d{4,8}(?![\d,])|(?<![\d,.])\d{4,8}(?![\d,.])[^.\n]{0,30}\b(?:is\s+(?:the|your)\s+)?(?:otp|one[\s-]time[\s-]password|verification\s+code)\b/i;
const FAILED =
  /\b(?:failed|failure|declined|unsuccessful|could\s+not\s+be\s+(?:processed|completed)|not\s+(?:been\s+)?processed|reversed|reversal|insufficient\s+(?:funds|balance)|rejected|returned\s+unpaid|bounced|dishonou?red)\b/i;
const REQUEST =
  /\b(?:requested\s+(?:money|rs|inr|₹|payment)|(?:payment|money|collect)\s+request|request(?:ed)?\s+(?:of|for)\s+(?:rs|inr|₹)|has\s+requested)\b/i;
const REMINDER =
  /\b(?:is\s+due|due\s+(?:on|by|date)|min(?:imum)?\.?\s+(?:amt\.?|amount)?\s*due|total\s+(?:amt\.?|amount)?\s*due|payment\s+due|will\s+be\s+(?:debited|deducted|charged|auto[\s-]?debited)|scheduled\s+(?:to\s+be\s+)?(?:debited|for)|pre[\s-]?debit|upcoming|reminder|bill\s+(?:of|for)\s+.{0,30}\bgenerated)\b/i;
const CARD_BILL_PAID =
  /\bpayment\s+of\s+.{0,30}\b(?:received|credited)\b.{0,60}\bcredit\s+card\b|\bcredit\s+card\b.{0,60}\bpayment\b.{0,30}\b(?:received|credited)\b/i;
const WALLET_TOP_UP =
  /\badded\s+to\s+(?:your\s+)?.{0,20}\bwallet\b|\bwallet\s+(?:top[\s-]?up|recharged?)\b/i;
const SELF =
  /\bself[\s-]?transfer\b|\bself\s+credited\b|\bto\s+self\b|\bto\s+(?:your\s+)?own\s+a\/?c/i;
const PROMO: RegExp[] = [
  /\bcashback\b/i,
  /\boffers?\b/i,
  /\bpre[\s-]?approved\b/i,
  /\bt\s?&\s?c\b/i,
  /\bapply\s+now\b|\bclick\b|\bhttps?:\/\/|\bwww\./i,
  /\b(?:hurry|limited\s+(?:period|time)|congratulations|congrats|exclusive|eligible|upgrade|win|voucher|exciting|get\s+up\s?to|up\s?to|instant\s+loan|loan\s+of|emi)\b/i,
  /\bget\s+(?:rs|inr|₹|flat)/i,
];
// Past-tense words that record a payment; an offer speaks of the future.
const DEBIT =
  /\b(?:debited|debit(?:ed)?\s+(?:by|for|with|of)|txn(?=\s+(?:rs|inr|₹))|spent|withdrawn|withdrawal|deducted|paid|sent|purchase|charged|transferred|txn\s+of|transaction\s+of|payment\s+of|used\s+(?:at|for)|dr\.?)(?![a-z])/i;
const CREDIT = /\b(?:credited|credit\s+of|received|deposited|refund(?:ed)?|added|cr\.?)(?![a-z])/i;
const BALANCE = /\b(?:bal(?:ance)?|avl\.?\s*bal|available\s+balance)\b/i;

/** Whether the text reads as a bank, card or wallet message rather than something typed. */
export function looksLikeAlert(text: string): boolean {
  if (OTP.test(text)) return true;
  const signs = BANK_SIGNS.filter((sign) => sign.test(text)).length;
  if (signs >= 2) return true;
  const promo = PROMO.filter((sign) => sign.test(text)).length;
  return (signs === 1 && text.length >= 60) || (promo >= 2 && text.length >= 50);
}

function channelOf(text: string): AlertChannel {
  if (has(/\b(?:atm|cash\s+withdrawal|withdrawn\s+at)\b/i, text)) return 'atm';
  if (
    has(
      /\b(?:e-?mandate|si\s+mandate|mandate|autopay|auto-?debit|standing\s+instruction|nach|ecs)\b/i,
      text,
    )
  )
    return 'mandate';
  if (has(/\bwallet\b/i, text)) return 'wallet';
  if (has(/\b(?:upi|vpa)\b|@[a-z]{2,}\b/i, text)) return 'upi';
  if (has(/\bneft\b|\brtgs\b/i, text)) return 'neft';
  if (has(/\bimps\b/i, text)) return 'imps';
  if (has(/\bcard\b/i, text)) return 'card';
  return 'account';
}

/** The earliest payment word decides: "debited ...; SWIGGY credited" is a debit. */
function direction(text: string): 'debit' | 'credit' | null {
  const debit = DEBIT.exec(text);
  const credit = CREDIT.exec(text);
  if (!debit && !credit) return null;
  if (!credit) return 'debit';
  if (!debit) return 'credit';
  return debit.index <= credit.index ? 'debit' : 'credit';
}

function notEntry(text: string, flow: 'debit' | 'credit' | null): NotEntryReason | null {
  if (OTP.test(text)) return 'otp';
  if (FAILED.test(text)) return 'failed';
  if (REQUEST.test(text)) return 'request';
  if (REMINDER.test(text)) return 'reminder';
  if (CARD_BILL_PAID.test(text) || WALLET_TOP_UP.test(text) || SELF.test(text)) return 'transfer';
  const promo = PROMO.filter((sign) => sign.test(text)).length;
  const recorded = flow !== null && (alertReference(text) !== null || alertAccount(text) !== null);
  if (promo >= 2 || (promo === 1 && !recorded)) return 'promotion';
  if (flow === null) return BALANCE.test(text) ? 'balance' : 'notice';
  return null;
}

function payeeOf(text: string, flow: 'debit' | 'credit', channel: AlertChannel): Payee | null {
  return channel === 'atm' ? { name: 'ATM', handle: null } : alertPayee(text, flow);
}

// An SMS of six parts holds 918 characters: anything longer was typed or pasted.
const MAX_ALERT = 1_000;

/**
 * What a forwarded bank or card message records, or null when the text does not read
 * as one (then it is an ordinary chat message for the parser).
 */
export function readAlert(text: string): AlertReading | null {
  if (text.length > MAX_ALERT) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!looksLikeAlert(flat)) return null;
  const flow = direction(flat);
  const reason = notEntry(flat, flow);
  if (reason !== null || flow === null) return { kind: 'none', reason: reason ?? 'notice' };
  const channel = channelOf(flat);
  return {
    kind: flow,
    amount: alertAmount(flat),
    date: alertDate(flat),
    payee: payeeOf(flat, flow, channel),
    account: alertAccount(flat),
    reference: alertReference(flat),
    channel,
  };
}
