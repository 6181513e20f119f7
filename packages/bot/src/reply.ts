import {
  LIMITS,
  listMessage,
  replyButtons,
  textMessage,
  type OutboundMessage,
  type ListRow,
  type ReplyButton,
} from '@spendline/whatsapp';
import { replies } from './replies.ts';

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
}

export const emptyReply = (): Reply => ({ parts: [], question: null, undo: null });

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

export function toOutbound(to: string, reply: Reply, dashboardUrl: string): OutboundMessage {
  const more = replies.more(dashboardUrl);
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
  if (reply.undo && text.length <= LIMITS.interactiveBody) {
    return replyButtons(to, text, [reply.undo]);
  }
  return textMessage(to, fit(reply.parts, LIMITS.textBody, more));
}
