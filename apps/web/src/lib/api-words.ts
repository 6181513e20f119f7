// The api words its refusals in English; the dashboard shows them in the reader's language.
// Each known refusal (by its error type, or the wording of its field problem) has a catalog
// message whose English is the api's own, so only the language changes.
import type { TypedError } from './graphql/errors.ts';
import type { WebKey } from './i18n/catalog.ts';
import type { MessageValues } from './i18n/context.ts';

export type Translate = (key: WebKey, values?: MessageValues) => string;

const number = (digits: string) => Number(digits.replaceAll(',', ''));

const range = (m: RegExpExecArray) => ({ min: Number(m[1]), max: Number(m[2]) });

/** The upload rules' lists of types: the photos', the audio's, or both (the test chat's). */
function fileKinds(list: string): string {
  const image = list.includes('JPEG');
  const audio = list.includes('OGG');
  return image && audio ? 'both' : image ? 'image' : 'audio';
}

/** The password checker's warnings (its English wording), by the catalog's names for them. */
const GUESSABLE: Record<string, string> = {
  'Straight rows of keys on your keyboard are easy to guess.': 'straightRow',
  'Short keyboard patterns are easy to guess.': 'keyPattern',
  'Repeated characters like "aaa" are easy to guess.': 'simpleRepeat',
  'Repeated character patterns like "abcabcabc" are easy to guess.': 'extendedRepeat',
  'Common character sequences like "abc" are easy to guess.': 'sequences',
  'Recent years are easy to guess.': 'recentYears',
  'Dates are easy to guess.': 'dates',
  'This is a heavily used password.': 'topTen',
  'This is a frequently used password.': 'topHundred',
  'This is a commonly used password.': 'common',
  'This is similar to a commonly used password.': 'similarToCommon',
  'Single words are easy to guess.': 'wordByItself',
  'Single names or surnames are easy to guess.': 'namesByThemselves',
  'Common names and surnames are easy to guess.': 'commonNames',
  'There should not be any personal or page related data.': 'userInputs',
  'Your password was exposed by a data breach on the Internet.': 'pwned',
};

/** Field problems as the api words them, and the catalog message each one is. */
const PROBLEMS: [RegExp, WebKey, (match: RegExpExecArray) => MessageValues][] = [
  [/^must not be empty$/, 'problem.empty', () => ({})],
  [
    /^must be at (most|least) ([\d,]+) characters?$/,
    'problem.characters',
    (m) => ({ bound: m[1]!, count: number(m[2]!) }),
  ],
  [
    /^must have at (most|least) ([\d,]+) items?$/,
    'problem.items',
    (m) => ({ bound: m[1]!, count: number(m[2]!) }),
  ],
  [
    /^must be at (most|least) (-?[\d,.]+)$/,
    'problem.number',
    (m) => ({ bound: m[1]!, limit: number(m[2]!) }),
  ],
  [/^must be more than zero$/, 'problem.aboveZero', () => ({})],
  [/^is too large$/, 'problem.tooLarge', () => ({})],
  [/^is not valid$/, 'problem.invalid', () => ({})],
  [/^is not a valid (\w+)$/, 'problem.format', (m) => ({ format: m[1]! })],
  [/^must be an ISO-4217 code/, 'problem.currency', () => ({})],
  [/^must not contain control characters/, 'problem.controlCharacters', () => ({})],
  [/^is too far in the (past|future)$/, 'problem.tooFar', (m) => ({ when: m[1]! })],
  [/^is archived; restore it first$/, 'problem.archived', () => ({})],
  [/^must be a colour as #rrggbb$/, 'problem.colour', () => ({})],
  [/^(?:phone )?must be in international format/, 'problem.phone', () => ({})],
  [/^must be a WhatsApp number with its country code/, 'problem.whatsAppNumber', () => ({})],
  [/^must be between 1970 and 2099$/, 'problem.years', () => ({})],
  [/^must be a whole number of minor units/, 'problem.amount', () => ({})],
  [
    /^That code is not right\. Check the WhatsApp message and try again \((\d+) more tr(?:y|ies)\)\.$/,
    'problem.wrongCode',
    (m) => ({ tries: Number(m[1]) }),
  ],
  [
    /^Enter the (\d+) digits from the WhatsApp message\.$/,
    'problem.codeDigits',
    (m) => ({ digits: Number(m[1]) }),
  ],
  [/^There is no live code for this email\./, 'problem.noCode', () => ({})],
  [/^That code had too many wrong tries\./, 'problem.codeSpent', () => ({})],
  [
    /^Use at least (\d+) characters \(this one has (\d+)\)\.$/,
    'problem.passwordShort',
    (m) => ({ min: Number(m[1]), length: Number(m[2]) }),
  ],
  [/^Use at most (\d+) characters\.$/, 'problem.passwordLong', (m) => ({ max: Number(m[1]) })],
  [
    /^(.+) Choose a password that is harder to guess, such as a few unrelated words\.$/,
    'problem.passwordGuessable',
    (m) => ({ reason: GUESSABLE[m[1]!] ?? 'other' }),
  ],
  [/^That password is easy to guess\. Choose a longer one/, 'problem.passwordEasy', () => ({})],
  [/^is not an email address$/, 'problem.email', () => ({})],
  [/^must be a whole number from (\d+) to (\d+)$/, 'problem.wholeRange', (m) => range(m)],
  [
    /^the interval must be a whole number from (\d+) to (\d+)$/,
    'problem.schedule',
    (m) => ({ part: 'interval', ...range(m) }),
  ],
  [
    /^the day of the month must be from (\d+) to (\d+)$/,
    'problem.schedule',
    (m) => ({ part: 'monthDay', ...range(m) }),
  ],
  [
    /^the month must be from (\d+) to (\d+)$/,
    'problem.schedule',
    (m) => ({ part: 'month', ...range(m) }),
  ],
  [
    /^the day of the week must be from (\d+) \(Monday\) to (\d+) \(Sunday\)$/,
    'problem.schedule',
    (m) => ({ part: 'weekDay', ...range(m) }),
  ],
  [/^it ends before it would first run$/, 'problem.endsBeforeFirstRun', () => ({})],
  [/^it cannot end before it starts$/, 'problem.endsBeforeStart', () => ({})],
  [/^send at most (\d+) rows a call$/, 'problem.rowsPerCall', (m) => ({ max: Number(m[1]) })],
  [/^must be a column index from 0$/, 'problem.column', () => ({})],
  [/^must be 1 or more$/, 'problem.oneOrMore', () => ({})],
  [
    /^DateTime must be an ISO-8601 string|^".*" is not a valid instant$/s,
    'problem.instant',
    () => ({}),
  ],
  [/^Date must be a real date as YYYY-MM-DD$/, 'problem.date', () => ({})],
  [/^give either text or choiceId, not both or neither$/, 'problem.textOrChoice', () => ({})],
  [/^give a token or a book id$/, 'problem.tokenOrBook', () => ({})],
  [/^give one way to split, not several$/, 'problem.oneSplit', () => ({})],
  [
    /^This file type can’t be used here: send (a JPEG.*|an OGG.*)\.$/,
    'problem.fileType',
    (m) => ({ kinds: fileKinds(m[1]!) }),
  ],
  [/^This file is empty\.$/, 'problem.fileEmpty', () => ({})],
  [
    /^This file is too large: the limit is (\d+) MB\.$/,
    'problem.fileTooLarge',
    (m) => ({ megabytes: Number(m[1]) }),
  ],
  // The entries' own checks, behind the api's: worded as whole sentences.
  [/^The amount must be more than zero\.$/, 'problem.entry', () => ({ part: 'amountAboveZero' })],
  [/^The amount is too large\.$/, 'problem.entry', () => ({ part: 'amountTooLarge' })],
  [/^The currency must be a three-letter code/, 'problem.entry', () => ({ part: 'currency' })],
  [/^The date is not a date\.$/, 'problem.entry', () => ({ part: 'date' })],
  [/^The note contains control characters\.$/, 'problem.entry', () => ({ part: 'noteControl' })],
  [
    /^The note is longer than (\d+) characters\.$/,
    'problem.entry',
    (m) => ({ part: 'noteLong', max: Number(m[1]) }),
  ],
  [
    /^The payment reference must be up to (\d+) letters/,
    'problem.entry',
    (m) => ({ part: 'reference', max: Number(m[1]) }),
  ],
  [/^must be 1 to 40 characters of plain text, and not/, 'problem.bookName', () => ({})],
  [/^must name members of this book, each once/, 'problem.split', () => ({})],
  [/^must be an amount above zero between you and another member/, 'problem.settle', () => ({})],
  [/^must not include the target category$/, 'problem.mergeTarget', () => ({})],
  [/^must be in the future$/, 'problem.future', () => ({})],
  [/^must be from 1 \(Monday\) to 7 \(Sunday\)$/, 'problem.weekDay', () => ({})],
  [/^must be an hour from 0 to 23$/, 'problem.hour', () => ({})],
  [/^must be an IANA time zone/, 'problem.timeZone', () => ({})],
  [/^must be a locale such as/, 'problem.locale', () => ({})],
  [/^Reading receipts is not set up on this server\.$/, 'problem.receiptsOff', () => ({})],
  [/^This image could not be read\. Try another photo\.$/, 'problem.photo', () => ({})],
  [/^A voice note has no caption\.$/, 'problem.voiceCaption', () => ({})],
];

/**
 * A field problem of the api as a sentence in the reader's language; one the catalog does
 * not know yet keeps the api's words, made a sentence.
 */
export function problemText(t: Translate, message: string): string {
  const text = message.trim();
  for (const [pattern, key, values] of PROBLEMS) {
    const match = pattern.exec(text);
    if (match) return t(key, values(match));
  }
  return sentence(text);
}

/** The api's "<what> not found" names, as the catalog's select names them. */
const MISSING: Record<string, string> = {
  Category: 'category',
  Expense: 'expense',
  'Recurring expense': 'recurring',
  Book: 'book',
  Invitation: 'invitation',
  Settlement: 'settlement',
  Attachment: 'attachment',
  'WhatsApp link': 'link',
  'API token': 'token',
  Session: 'session',
};

/** ConflictErrors by their wording, which is all that tells them apart. */
const CONFLICTS: Record<string, WebKey> = {
  'You already have a category called that.': 'conflict.category',
  'You already have a book with that name.': 'conflict.book',
  'This number is linked to another account.': 'conflict.linked',
  'That number is already invited to this book.': 'conflict.invited',
  'That number’s owner is already in this book.': 'conflict.member',
  'An account with this email already exists. Log in, or reset your password if you forgot it.':
    'conflict.email',
};

/** A typed error's own message in the reader's language (the api's when not yet known). */
export function errorText(t: Translate, error: TypedError): string {
  switch (error.__typename) {
    case 'RateLimitedError':
      return t('apiError.rateLimited', { seconds: error.retryAfterSeconds });
    case 'PasswordRequiredError':
      return t(error.wrong ? 'apiError.wrongPassword' : 'apiError.passwordRequired');
    case 'InvalidCredentialsError':
      return t('apiError.invalidCredentials');
    case 'NotFoundError': {
      const what = MISSING[error.message.replace(/ not found$/, '')];
      if (what) return t('apiError.notFound', { what });
      return error.message.startsWith('A live code') ? t('apiError.noLiveCode') : error.message;
    }
    case 'ValidationError': {
      // Its own message lists paths ("input.code: ..."); the first problem says it in words.
      const [first] = error.problems;
      return first ? problemText(t, first.message) : t('form.checkInput');
    }
    case 'ConflictError': {
      const key = CONFLICTS[error.message];
      return key ? t(key) : error.message;
    }
    default:
      return error.message;
  }
}

/** Errors outside the result unions, by their extensions code. */
const CODES: Record<string, WebKey> = {
  BAD_USER_INPUT: 'form.inputRefused',
  UNAUTHENTICATED: 'apiError.signIn',
  FORBIDDEN: 'apiError.forbidden',
  SANDBOX_OFF: 'apiError.sandboxOff',
};

/** A top-level GraphQL error for people: by its code, else the form's own fallback. */
export function codeText(t: Translate, code: string | undefined, fallback: string): string {
  const key = code ? CODES[code] : undefined;
  return key ? t(key) : fallback;
}

/**
 * The api's problems read as fragments beside a field ("must be at most 500 characters",
 * "is too large"); beside the field they read as sentences.
 */
export function sentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const whole = /^(is|are) /.test(text) ? `This ${text}` : text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(whole) ? whole : `${whole}.`;
}
