import {
  LIMITS,
  listMessage,
  replyButtons,
  textMessage,
  type OutboundMessage,
  type ListRow,
  type ReplyButton,
} from '@spendline/whatsapp';
import { repliesFor } from './replies.ts';

type Question =
  | { kind: 'list'; body: string; button: string; rows: ListRow[] }
  | { kind: 'buttons'; body: string; buttons: ReplyButton[] };

/**
 * Everything one inbound message makes the bot say, sent as ONE message (Meta limits
 * messages per user pair): text parts, plus a question (list or buttons) or, when an
 * expense was saved and nothing is asked, an Undo button.
 */
export interface Reply {
  parts: string[];
  question: Question | null;
  undo: ReplyButton | null;
  /** The next page of a long answer. */
  more: ReplyButton | null;
}

export const emptyReply = (): Reply => ({ parts: [], question: null, undo: null, more: null });

/** Characters per page of a long answer: a page travels with a More button (1,024 max). */
export const PAGE_CHARS = 900;

const FENCE = '```';

/**
 * Cuts a long answer into pages of at most `max` characters at line ends. A fixed-width
 * block cut by a page end is closed there and opened again on the next page, so every
 * page reads on its own.
 */
export function paginate(text: string, max = PAGE_CHARS): string[] {
  const pages: string[] = [];
  let page: string[] = [];
  let length = 0;
  let fenced = false;
  const close = () => (fenced ? FENCE.length + 1 : 0);
  for (const whole of text.split('\n')) {
    const line = clip(whole, max - 2 * (FENCE.length + 1));
    if (page.length > 0 && length + line.length + 1 + close() > max) {
      if (fenced) page.push(FENCE);
      pages.push(page.join('\n'));
      page = fenced ? [FENCE] : [];
      length = fenced ? FENCE.length + 1 : 0;
    }
    page.push(line);
    length += line.length + 1;
    if (line === FENCE) fenced = !fenced;
  }
  if (page.length > 0) pages.push(page.join('\n'));
  return pages;
}

// Meta counts UTF-16 units like String#length; cut between characters, never inside one.
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > max - 1) break;
    kept += char;
  }
  return `${kept}…`;
}

/** Keeps whole parts from the end that fit in `max` characters, marking what was cut. */
function fit(parts: string[], max: number, more: string): string {
  const whole = parts.join('\n');
  if (whole.length <= max) return whole;
  const lines = whole.split('\n');
  const kept: string[] = [];
  let length = more.length + 1;
  for (const line of lines) {
    if (length + line.length + 1 > max) break;
    kept.push(line);
    length += line.length + 1;
  }
  // An unclosed fixed-width block would swallow the rest of the message.
  if (kept.filter((line) => line === '```').length % 2 === 1) kept.push('```');
  return [...kept, more].join('\n');
}

/** The one WhatsApp message for a reply; what says where the rest is is in `locale`. */
export function toOutbound(
  to: string,
  reply: Reply,
  dashboardUrl: string,
  locale: string,
): OutboundMessage {
  const more = repliesFor(locale).more(dashboardUrl);
  const { question } = reply;
  if (question) {
    const room = LIMITS.interactiveBody - question.body.length - 2;
    const context =
      reply.parts.length > 0 && room > more.length ? fit(reply.parts, room, more) : '';
    const body = context
      ? `${context}\n\n${question.body}`
      : clip(question.body, LIMITS.interactiveBody);
    if (question.kind === 'buttons') return replyButtons(to, body, question.buttons);
    return listMessage(to, body, question.button, [
      { rows: question.rows.map((row) => ({ ...row, title: clip(row.title, LIMITS.rowTitle) })) },
    ]);
  }
  const text = reply.parts.join('\n');
  const button = reply.undo ?? reply.more;
  if (button && text.length <= LIMITS.interactiveBody) return replyButtons(to, text, [button]);
  return textMessage(to, fit(reply.parts, LIMITS.textBody, more));
}
