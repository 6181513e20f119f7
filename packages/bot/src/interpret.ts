import { randomUUID } from 'node:crypto';
import { Prisma, type User } from '@spendline/db';
import { daysSpan } from '@spendline/ledger';
import { parse, type CategoryResolution, type ParsedExpense } from '@spendline/parser';
import type { MessageContent } from '@spendline/whatsapp';
import type { ChatAccount } from './account.ts';
import {
  CHOICE,
  moreOf,
  type BotContext,
  type BotEvent,
  type CategoryRef,
  type Concern,
  type DraftExpense,
} from './types.ts';

type Tx = Prisma.TransactionClient;

export interface Incoming {
  tx: Tx;
  /** The linked account, or null for a number nobody linked yet. */
  account: ChatAccount | null;
  content: MessageContent;
  messageId: string;
  at: Date;
  /** The conversation's open question, if any: a typed "yes" or "food" answers it. */
  context: BotContext;
}

const LINK_COMMAND = /^\s*link\s+([\d\s-]+)$/i;
const YES = new Set(['yes', 'y', 'ok', 'okay', 'save', 'haan', 'ha', 'sure']);
const NO = new Set(['no', 'n', 'nope', 'cancel', 'nahi', "don't", 'dont']);
const DUPLICATE_WINDOW_MS = 10 * 60_000;
/** Without a set threshold, amounts above this multiple of the usual one ask first. */
const LARGE_MULTIPLE = 10n;
/** The median means something only once there is a little history. */
const MIN_HISTORY = 10;
const CANDIDATES = 7;

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');

/** A typed answer to the open question, as if its button or row had been tapped. */
function typedChoice(context: BotContext, text: string): string | null {
  const head = context.queue[0];
  if (!context.question || !head) return null;
  const word = normalise(text);
  if (context.question.kind === 'confirm') {
    if (YES.has(word)) return CHOICE.yes;
    if (NO.has(word)) return CHOICE.no;
    return null;
  }
  const named = head.candidates.find((c) => c.name.toLowerCase() === word);
  if (named) return CHOICE.category(named.id);
  if (head.other && word === head.other.name.toLowerCase()) return CHOICE.other;
  return null;
}

function choiceOf(content: MessageContent): string | null {
  if (content.kind === 'button_reply' || content.kind === 'list_reply') return content.id;
  if (content.kind === 'button') return content.payload;
  return null;
}

/** Turns one stored inbound message into the machine's event, reading what it needs. */
export async function toEvent(incoming: Incoming): Promise<BotEvent> {
  const { account, content, context } = incoming;
  const at = incoming.at.toISOString();
  if (content.kind === 'unsupported') return { type: 'UNSUPPORTED', at, kind: content.type };
  const text = content.kind === 'text' ? content.body : null;
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
  }
  const choice = tapped ?? (text === null ? null : typedChoice(context, text));
  if (choice !== null) return { type: 'CHOICE', at, id: choice };
  return fromText(incoming, account, text ?? '');
}

function parseFor({ user, categories }: ChatAccount, text: string, now: Date) {
  return parse(text, {
    categories,
    currency: user.currency,
    locale: user.locale,
    timeZone: user.timeZone,
    now,
  });
}

async function fromText(
  incoming: Incoming,
  { user, categories }: ChatAccount,
  text: string,
): Promise<BotEvent> {
  const at = incoming.at.toISOString();
  const result = parseFor({ user, categories }, text, incoming.at);
  if (result.kind === 'command') return { type: 'COMMAND', at, command: result.command, text };
  if (result.kind === 'unknown') return { type: 'UNCLEAR', at, text, detail: result.detail };
  const other = categories.find((c) => c.nameKey === 'other') ?? null;
  const fallback = other && { id: other.id, name: other.name };
  const drafts: DraftExpense[] = [];
  for (const expense of result.expenses)
    drafts.push(await draft(incoming, user, expense, fallback));
  return { type: 'EXPENSES', at, expenses: drafts };
}

async function draft(
  incoming: Incoming,
  user: User,
  expense: ParsedExpense,
  other: CategoryRef | null,
): Promise<DraftExpense> {
  const resolution = expense.category;
  const category =
    resolution.status === 'matched' ? { id: resolution.categoryId, name: resolution.name } : null;
  return {
    id: randomUUID(),
    messageId: incoming.messageId,
    amountMinor: expense.amountMinor.toString(),
    currency: expense.currency,
    occurredOn: expense.occurredOn,
    dateExplicit: expense.dateExplicit,
    note: expense.note,
    text: expense.text,
    category,
    word: askedWord(resolution),
    candidates: category ? [] : await candidates(incoming.tx, user, resolution, other),
    newCategoryId: randomUUID(),
    other,
    ...(await concerns(incoming, user, expense, category)),
  };
}

function askedWord(resolution: CategoryResolution): string | null {
  if (resolution.status === 'ambiguous')
    return resolution.candidates[0]?.word ?? resolution.words[0] ?? null;
  if (resolution.status === 'none') return resolution.words[0]?.toLowerCase() ?? null;
  return null;
}

/** The parser's ranked guesses, or else the user's most used categories lately. */
async function candidates(
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
  const used = await tx.$queryRaw<CategoryRef[]>`
    SELECT c.id::text AS id, c.name
    FROM categories c
    LEFT JOIN expenses e ON e.category_id = c.id AND e.deleted_at IS NULL
      AND e.occurred_at > now() - interval '90 days'
    WHERE c.user_id = ${user.id}::uuid AND c.archived_at IS NULL
    GROUP BY c.id, c.name
    ORDER BY COUNT(e.id) DESC, c.name
    LIMIT ${CANDIDATES + 2}`;
  for (const c of used) {
    if (ranked.length >= CANDIDATES) break;
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    ranked.push(c);
  }
  return ranked;
}

/** The median of the user's last 200 expenses in a currency; null with under 10 of them. */
function recentMedian(userId: string, currency: string): Prisma.Sql {
  return Prisma.sql`(
    SELECT (percentile_disc(0.5) WITHIN GROUP (ORDER BY amount_minor))::text
    FROM (
      SELECT amount_minor FROM expenses
      WHERE user_id = ${userId}::uuid AND currency = ${currency}
        AND kind = 'EXPENSE' AND deleted_at IS NULL
      ORDER BY occurred_at DESC
      LIMIT 200
    ) recent
    HAVING COUNT(*) >= ${MIN_HISTORY})`;
}

/** Whether to ask before saving: an unusually large amount, or a likely duplicate. */
async function concerns(
  incoming: Incoming,
  user: User,
  expense: ParsedExpense,
  category: CategoryRef | null,
): Promise<Pick<DraftExpense, 'concerns' | 'usualMinor'>> {
  const since = new Date(incoming.at.getTime() - DUPLICATE_WINDOW_MS);
  const day = daysSpan(expense.occurredOn, expense.occurredOn, user.timeZone);
  // A threshold the user set needs no median; the question looks it up if it asks.
  const median =
    user.confirmAboveMinor === null
      ? recentMedian(user.id, expense.currency)
      : Prisma.sql`NULL::text`;
  // One round trip for both checks: every expense pays for them.
  const [row] = await incoming.tx.$queryRaw<{ median: string | null; duplicate: boolean }[]>`
    SELECT ${median} AS median, EXISTS (
      SELECT 1 FROM expenses
      WHERE user_id = ${user.id}::uuid AND kind = 'EXPENSE' AND deleted_at IS NULL
        AND amount_minor = ${expense.amountMinor} AND currency = ${expense.currency}
        AND created_at >= ${since.toISOString()}::timestamptz
        AND occurred_at >= ${day.start.toISOString()}::timestamptz
        AND occurred_at < ${day.end.toISOString()}::timestamptz
        AND (${category?.id ?? null}::uuid IS NULL OR category_id = ${category?.id ?? null}::uuid)
        AND inbound_message_id IS DISTINCT FROM ${incoming.messageId}::uuid
    ) AS duplicate`;
  const usual = row?.median ? BigInt(row.median) : null;
  const threshold = user.confirmAboveMinor ?? (usual === null ? null : usual * LARGE_MULTIPLE);
  const found: Concern[] = [];
  if (threshold !== null && expense.amountMinor > threshold) found.push('large');
  if (row?.duplicate) found.push('duplicate');
  return { concerns: found, usualMinor: usual === null ? null : usual.toString() };
}

/** The median of the user's recent expenses in this currency, once there is some history. */
export async function usualMedian(
  tx: Tx,
  userId: string,
  currency: string,
): Promise<bigint | null> {
  const [row] = await tx.$queryRaw<{ median: string | null }[]>`
    SELECT ${recentMedian(userId, currency)} AS median`;
  return row?.median ? BigInt(row.median) : null;
}
