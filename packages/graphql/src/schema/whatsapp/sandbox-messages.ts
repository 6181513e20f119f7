import type { InboundMessage, OutboundMessage } from '@spendline/db';
import type { MessageContent } from '@spendline/whatsapp';

/** A tappable reply button or list row. */
export interface SandboxChoice {
  id: string;
  title: string;
  description: string | null;
}

/** One bubble of the sandbox chat, as the dashboard draws it. */
export interface SandboxMessage {
  id: string;
  direction: 'INBOUND' | 'OUTBOUND';
  text: string | null;
  header: string | null;
  footer: string | null;
  buttons: SandboxChoice[];
  listButton: string | null;
  listRows: SandboxChoice[];
  at: Date;
  /** The Graph API wamid of an outbound message, for a reply's context. */
  wamid: string | null;
  /** A photo or voice note the simulated phone sent from the dashboard. */
  media: SandboxMedia | null;
}

export interface SandboxMedia {
  type: 'image' | 'audio';
  /** The viewer's attachment the webhook named (`attachment:<id>`). */
  attachmentId: string;
}

/** The media id the sandbox puts in its webhooks for a file the viewer keeps. */
export const SANDBOX_MEDIA_PREFIX = 'attachment:';

// The Graph API bodies the outbox stores, read loosely: rows written by older code or
// by hand must still render rather than fail the whole chat.
interface StoredBody {
  type?: string;
  text?: { body?: string };
  interactive?: {
    type?: string;
    header?: { text?: string };
    body?: { text?: string };
    footer?: { text?: string };
    action?: {
      buttons?: { reply?: { id?: string; title?: string } }[];
      button?: string;
      sections?: { rows?: { id?: string; title?: string; description?: string }[] }[];
    };
  };
  template?: {
    name?: string;
    components?: { type?: string; sub_type?: string; parameters?: { text?: string }[] }[];
  };
  document?: { filename?: string; caption?: string; link?: string };
}

const blank = {
  header: null,
  footer: null,
  buttons: [],
  listButton: null,
  listRows: [],
  media: null,
} satisfies Partial<SandboxMessage>;

function choice(id: unknown, title: unknown, description?: unknown): SandboxChoice | null {
  if (typeof id !== 'string' || typeof title !== 'string') return null;
  return { id, title, description: typeof description === 'string' ? description : null };
}

const present = <T>(value: T | null): value is T => value !== null;

/**
 * A template as the phone would show it. Authentication templates (a copy-code button
 * carrying the body's code) get Meta's preset wording; others list their parameters.
 */
function renderTemplate(template: NonNullable<StoredBody['template']>): string {
  const components = template.components ?? [];
  const bodyParameters = components
    .filter((c) => c.type === 'body')
    .flatMap((c) => c.parameters ?? [])
    .map((p) => p.text)
    .filter((text): text is string => typeof text === 'string');
  const code = bodyParameters[0];
  const copyCode = components.some(
    (c) =>
      c.type === 'button' &&
      (c.sub_type === 'url' || c.sub_type === 'copy_code') &&
      c.parameters?.[0]?.text === code,
  );
  if (code !== undefined && copyCode) {
    return `${code} is your verification code. For your security, do not share this code.`;
  }
  const name = template.name ?? 'template';
  return bodyParameters.length ? `[${name}] ${bodyParameters.join(' · ')}` : `[${name}]`;
}

export function outboundToSandbox(row: OutboundMessage): SandboxMessage {
  const body = (row.payload ?? {}) as StoredBody;
  const base = {
    id: row.id,
    direction: 'OUTBOUND' as const,
    at: row.createdAt,
    wamid: row.providerMessageId,
    media: null,
  };
  const interactive = body.interactive;
  if (body.type === 'interactive' && interactive) {
    const action = interactive.action ?? {};
    const list = interactive.type === 'list';
    return {
      ...base,
      text: interactive.body?.text ?? null,
      header: interactive.header?.text ?? null,
      footer: interactive.footer?.text ?? null,
      buttons: list
        ? []
        : (action.buttons ?? []).map((b) => choice(b.reply?.id, b.reply?.title)).filter(present),
      listButton: list ? (action.button ?? null) : null,
      listRows: list
        ? (action.sections ?? [])
            .flatMap((section) => section.rows ?? [])
            .map((r) => choice(r.id, r.title, r.description))
            .filter(present)
        : [],
    };
  }
  if (body.type === 'template' && body.template) {
    return { ...base, ...blank, text: renderTemplate(body.template) };
  }
  if (body.type === 'document' && body.document) {
    // The sandbox sends a statement as a link to the dashboard's download.
    const { filename, caption, link } = body.document;
    const lines = [`📄 ${filename ?? 'Document'}`, caption, link].filter(Boolean);
    return { ...base, ...blank, text: lines.join('\n') };
  }
  return { ...base, ...blank, text: body.text?.body ?? null };
}

function inboundText(content: MessageContent | undefined, type: string): string | null {
  switch (content?.kind) {
    case 'text':
      return content.body;
    case 'button_reply':
    case 'list_reply':
      return content.title;
    case 'button':
      return content.text;
    case 'media':
      return content.caption ?? null;
    default:
      return `[${type}]`;
  }
}

export function inboundToSandbox(row: InboundMessage): SandboxMessage {
  const { content } = (row.payload ?? {}) as { content?: MessageContent };
  return {
    id: row.id,
    direction: 'INBOUND',
    ...blank,
    text: inboundText(content, row.type),
    media: sandboxMedia(content),
    // When the api received it: Meta's own timestamp has whole seconds only.
    at: row.receivedAt,
    wamid: row.waMessageId,
  };
}

function sandboxMedia(content: MessageContent | undefined): SandboxMedia | null {
  if (content?.kind !== 'media' || !content.id.startsWith(SANDBOX_MEDIA_PREFIX)) return null;
  return { type: content.media, attachmentId: content.id.slice(SANDBOX_MEDIA_PREFIX.length) };
}

/** Both sides of the chat, oldest first, at most `last` of them. */
export function mergeChat(
  inbound: SandboxMessage[],
  outbound: SandboxMessage[],
  last: number,
): SandboxMessage[] {
  return [...inbound, ...outbound]
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id))
    .slice(-last);
}

/** How a tapped choice travels back: decided by the latest interactive message of the bot. */
export function replyKind(
  chat: SandboxMessage[],
  choiceId: string,
): { kind: 'button_reply' | 'list_reply'; choice: SandboxChoice | null; wamid: string | null } {
  const lastInteractive = chat.findLast(
    (m) => m.direction === 'OUTBOUND' && (m.buttons.length > 0 || m.listRows.length > 0),
  );
  const button = lastInteractive?.buttons.find((b) => b.id === choiceId);
  if (button)
    return { kind: 'button_reply', choice: button, wamid: lastInteractive?.wamid ?? null };
  const row = lastInteractive?.listRows.find((r) => r.id === choiceId) ?? null;
  return { kind: 'list_reply', choice: row, wamid: lastInteractive?.wamid ?? null };
}
