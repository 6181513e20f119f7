import { randomUUID } from 'node:crypto';
import { newId, sql, type Queries, type User } from '@spendline/db';
import { weekStartOf } from '@spendline/ledger';
import {
  parse,
  parseQuestion,
  type CategoryResolution,
  type ParseContext,
  type ParsedExpense,
} from '@spendline/parser';
import type { ReadingContent } from '@spendline/media/reading';
import type { MessageContent } from '@spendline/whatsapp';
import type { ChatAccount } from './account.ts';
import { alertAnswer, alertEvent } from './alerts.ts';
import { withCategoryName } from './asked.ts';
import { defaultBook, readBookMessage } from './book-reading.ts';
import { readingEvent } from './readings.ts';
import { concernsOf, hasTwin, recentMedian } from './spending-history.ts';
import {
  choiceEvent,
  moreOf,
  type BotContext,
  type BotEvent,
  type CategoryChoice,
  type CategoryRef,
  type DraftBook,
  type DraftExpense,
} from './types.ts';

type Tx = Queries;

export interface Incoming {
  tx: Tx;
  /** The linked account, or null for a number nobody linked yet. */
  account: ChatAccount | null;
  content: MessageContent | ReadingContent;
  messageId: string;
  at: Date;
  /** The conversation's open question, if any: a typed "yes" or "food" answers it. */
  context: BotContext;
}

const LINK_COMMAND = /^\s*link\s+([\d\s-]+)$/i;
const YES = new Set(['yes', 'y', 'ok', 'okay', 'save', 'haan', 'ha', 'sure']);
// prettier-ignore
const NO = new Set([
  'no', 'n', 'nope', 'cancel', 'nahi', 'nahin', "don't", 'dont', 'não', 'nao', 'cancelar',
  'tidak', 'नहीं',
]);
const CANDIDATES = 7;
/** The text a More button under an answer carries: it asks for the next page. */
export const MORE_ANSWER = 'more';

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');

/** A typed answer to the open question, as if its button or row had been tapped. */
function typedChoice(context: BotContext, text: string, at: string): BotEvent | null {
  const head = context.queue[0];
  if (!context.question || !head) return null;
  const word = normalise(text);
  if (context.question.kind === 'confirm') {
    if (YES.has(word) || NO.has(word)) return { type: 'CONFIRM_ANSWERED', at, yes: YES.has(word) };
    return null;
  }
  if (context.question.kind !== 'category') return null;
  if (NO.has(word)) return { type: 'CATEGORY_DECLINED', at };
  const named = head.candidates.find((c) => c.name.toLowerCase() === word);
  if (named)
    return { type: 'CATEGORY_CHOSEN', at, choice: { kind: 'category', categoryId: named.id } };
  if (head.other && word === head.other.name.toLowerCase())
    return { type: 'CATEGORY_CHOSEN', at, choice: { kind: 'other' } };
  return null;
}

function choiceOf(content: Incoming['content']): string | null {
  if (content.kind === 'button_reply' || content.kind === 'list_reply') return content.id;
  if (content.kind === 'button') return content.payload;
  return null;
}

/** The category the head of the queue gets from this answer, if it answers its question. */
function answeredCategory(context: BotContext, choice: CategoryChoice): string | null | undefined {
  const head = context.queue[0];
  if (context.question?.kind !== 'category' || !head) return undefined;
  if (choice.kind === 'other') return head.other?.id;
  // A category made by this answer holds no entry yet.
  if (choice.kind === 'new') return undefined;
  return head.candidates.find((c) => c.id === choice.categoryId)?.id;
}

/**
 * Whether each waiting expense has an equal entry stored now, in the category it has or
 * gets from this answer; the one under a Yes/No question keeps the question it was asked.
 */
function twinsOf(
  context: BotContext,
  account: ChatAccount,
  event: BotEvent,
): Record<string, boolean> | undefined {
  if (context.queue.length === 0) return undefined;
  const choice =
    event.type === 'CATEGORY_CHOSEN' ? answeredCategory(context, event.choice) : undefined;
  const twins: Record<string, boolean> = {};
  context.queue.forEach((draft, index) => {
    if (index === 0 && context.question?.kind === 'confirm') return;
    const categoryId = index === 0 && choice !== undefined ? choice : draft.category?.id;
    // An alert's own question (and its bank reference) covers a repeat.
    if (categoryId === undefined || categoryId === null || draft.kind === 'INCOME' || draft.alert)
      return;
    twins[draft.id] = hasTwin(
      { ...draft, amountMinor: BigInt(draft.amountMinor), categoryId },
      account.user.timeZone,
      account.history.recent,
    );
  });
  return twins;
}

/** Turns one stored inbound message into the machine's event, reading what it needs. */
export async function toEvent(incoming: Incoming): Promise<BotEvent> {
  const event = await eventOf(incoming);
  if (!incoming.account || event.type === 'STRANGER' || event.type === 'LINK') return event;
  const twins = twinsOf(incoming.context, incoming.account, event);
  return twins ? { ...event, twins } : event;
}

async function eventOf(incoming: Incoming): Promise<BotEvent> {
  const { account, content, context } = incoming;
  const at = incoming.at.toISOString();
  if (content.kind === 'unsupported') return { type: 'UNSUPPORTED', at, kind: content.type };
  if (content.kind === 'media') {
    // Someone not linked yet gets the linking help their photo cannot replace.
    return account ? { type: 'MEDIA', at, media: content } : { type: 'STRANGER', at, text: '' };
  }
  if (content.kind === 'reading' && content.reading.kind !== 'transcript') {
    return account ? readingEvent(incoming, account, content) : { type: 'STRANGER', at, text: '' };
  }
  // What a voice note said is read as if it had been typed.
  const text =
    content.kind === 'text'
      ? content.body
      : content.kind === 'reading' && content.reading.kind === 'transcript'
        ? content.reading.text
        : null;
  const link = text === null ? null : LINK_COMMAND.exec(text);
  if (link) return { type: 'LINK', at, code: link[1]!.replace(/\D/g, '') };
  if (!account) return { type: 'STRANGER', at, text: text ?? '' };
  const tapped = choiceOf(content);
  const more = tapped === null ? null : moreOf(tapped);
  if (more) {
    // A More button asks its command again, for the next page.
    const again = parseFor(account, more.text, incoming.at);
    if (again.kind === 'command')
      return { type: 'COMMAND', at, command: again.command, text: more.text, page: more.page };
    if (more.text === MORE_ANSWER) return { type: 'MORE', at };
  }
  if (tapped !== null) return withCategoryName(choiceEvent(tapped, at), account.categories);
  const typed =
    text === null
      ? null
      : (alertAnswer(context, account, text, incoming.at) ?? typedChoice(context, text, at));
  if (typed) return typed;
  return fromText(incoming, account, text ?? '');
}

/** What the parser needs to read a message of this account's, sent at `now`. */
export function contextFor({ user, categories }: ChatAccount, now: Date): ParseContext {
  return {
    categories,
    currency: user.currency,
    locale: user.locale,
    timeZone: user.timeZone,
    weekStartsOn: weekStartOf(user),
    now,
  };
}

export function parseFor(account: ChatAccount, text: string, now: Date) {
  return parse(text, contextFor(account, now));
}

async function fromText(incoming: Incoming, account: ChatAccount, text: string): Promise<BotEvent> {
  const at = incoming.at.toISOString();
  const alert = await alertEvent(incoming, account, text);
  if (alert) return alert;
  const context = contextFor(account, incoming.at);
  const aimed = await readBookMessage(incoming.tx, account.user, text, context);
  if (aimed?.kind === 'event') return aimed.event;
  const result = aimed ? aimed.result : parse(text, context);
  if (result.kind === 'command') return { type: 'COMMAND', at, command: result.command, text };
  // A question has no loose number, so an expense ("120 petrol") is never read as one.
  const asked = aimed ? null : parseQuestion(text, context);
  if (asked?.kind === 'question') return { type: 'QUESTION', at, question: asked.question };
  if (asked?.kind === 'more') return { type: 'MORE', at };
  if (asked?.kind === 'unclear' && result.kind !== 'expenses')
    return { type: 'QUESTION_UNCLEAR', at, text, example: asked.example };
  if (result.kind === 'unknown') return { type: 'UNCLEAR', at, text, detail: result.detail };
  const other = account.categories.find((c) => c.nameKey === 'other') ?? null;
  const fallback = other && { id: other.id, name: other.name };
  const book = aimed ? aimed.book : await defaultBook(incoming.tx, account.user);
  const drafts: DraftExpense[] = [];
  for (const expense of result.expenses)
    drafts.push(await draft(incoming, account, expense, fallback, book));
  return { type: 'EXPENSES', at, expenses: drafts };
}

async function draft(
  incoming: Incoming,
  account: ChatAccount,
  expense: ParsedExpense,
  other: CategoryRef | null,
  book: DraftBook | null,
): Promise<DraftExpense> {
  const { user } = account;
  const resolution = expense.category;
  const category =
    resolution.status === 'matched' ? { id: resolution.categoryId, name: resolution.name } : null;
  const income = expense.kind === 'INCOME';
  return {
    // Time-ordered, so the entries of one message read back in the order they were written.
    id: newId(),
    messageId: incoming.messageId,
    ...(income ? { kind: 'INCOME' as const } : {}),
    amountMinor: expense.amountMinor.toString(),
    currency: expense.currency,
    occurredOn: expense.occurredOn,
    dateExplicit: expense.dateExplicit,
    note: expense.note,
    text: expense.text,
    ...(expense.morePrices ? { morePrices: true as const } : {}),
    category,
    word: askedWord(resolution),
    candidates: category || income ? [] : await candidates(incoming.tx, user, resolution, other),
    newCategoryId: randomUUID(),
    other,
    // The checks are about spending: a salary is no "large expense".
    ...(income ? { concerns: [] } : await concerns(incoming, account, expense, category)),
    // Books share spending; money coming in stays the person's own.
    ...(book && !income ? { book } : {}),
  };
}

function askedWord(resolution: CategoryResolution): string | null {
  if (resolution.status === 'ambiguous')
    return resolution.candidates[0]?.word ?? resolution.words[0] ?? null;
  if (resolution.status === 'none') return resolution.words[0]?.toLowerCase() ?? null;
  return null;
}

/** The parser's ranked guesses, or else the user's most used categories lately. */
export async function candidates(
  tx: Tx,
  user: User,
  resolution: CategoryResolution,
  other: CategoryRef | null,
): Promise<CategoryRef[]> {
  const seen = new Set(other ? [other.id] : []);
  const ranked: CategoryRef[] = [];
  if (resolution.status === 'ambiguous') {
    for (const c of resolution.candidates) {
      if (seen.has(c.categoryId)) continue;
      seen.add(c.categoryId);
      ranked.push({ id: c.categoryId, name: c.name });
    }
  }
  if (ranked.length >= CANDIDATES) return ranked.slice(0, CANDIDATES);
  const used = await tx.rows<CategoryRef>(sql`
    SELECT c.id::text AS id, c.name
    FROM categories c
    LEFT JOIN expenses e ON e.category_id = c.id AND e.deleted_at IS NULL
      AND e.occurred_at > now() - interval '90 days'
    WHERE c.user_id = ${user.id}::uuid AND c.archived_at IS NULL
    GROUP BY c.id, c.name
    ORDER BY COUNT(e.id) DESC, c.name
    LIMIT ${CANDIDATES + 2}`);
  for (const c of used) {
    if (ranked.length >= CANDIDATES) break;
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    ranked.push(c);
  }
  return ranked;
}

/** Whether to ask before saving; a currency other than the user's own reads its median. */
async function concerns(
  incoming: Incoming,
  { user, history }: ChatAccount,
  expense: ParsedExpense,
  category: CategoryRef | null,
): Promise<Pick<DraftExpense, 'concerns' | 'usualMinor'>> {
  const usual =
    expense.currency === user.currency || user.confirmAboveMinor !== null
      ? history.usualMinor
      : ((await usualMedian(incoming.tx, user.id, expense.currency))?.toString() ?? null);
  return concernsOf(
    {
      expense,
      category,
      messageId: incoming.messageId,
      timeZone: user.timeZone,
      confirmAboveMinor: user.confirmAboveMinor,
    },
    usual,
    history.recent,
  );
}

/** The median of the user's recent expenses in this currency, once there is some history. */
export async function usualMedian(
  tx: Tx,
  userId: string,
  currency: string,
): Promise<bigint | null> {
  const [row] = await tx.rows<{ median: string | null }>(sql`
    SELECT ${recentMedian(sql`${userId}::uuid`, sql`${currency}`)} AS median`);
  return row?.median ? BigInt(row.median) : null;
}
