import { createHash, randomBytes } from 'node:crypto';
import { normalizePhoneNumber } from '@spendline/auth';
import { toWaDigits } from '@spendline/whatsapp';
import { postgresAttachments } from '@spendline/entries';
import { signedWebhookRequest, type SignedWebhookOptions } from '@spendline/whatsapp/simulator';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { ATTACHMENTS_PATH } from '../attachments/attachments.ts';
import { AUDIO_UPLOAD, IMAGE_UPLOAD, readUpload, type Upload } from '../attachments/uploads.ts';
import { builder } from '../builder.ts';
import type { SandboxChatSettings, SignedInContext } from '../context.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import {
  inboundToSandbox,
  mergeChat,
  outboundToSandbox,
  replyKind,
  SANDBOX_MEDIA_PREFIX,
  type SandboxChoice,
  type SandboxMedia,
  type SandboxMessage,
} from './sandbox-messages.ts';

// The dashboard's chat simulator in sandbox mode: read the bot's side of a simulated
// phone's chat, and write as that phone through the real webhook (signed as Meta signs).

const MAX_LAST = 200;
const WEBHOOK_TIMEOUT_MS = 10_000;

const SandboxDirection = builder.enumType('SandboxDirection', {
  values: {
    INBOUND: { description: 'The simulated phone wrote it.' },
    OUTBOUND: { description: 'The bot sent it.' },
  } as const,
});

const SandboxChoiceRef = builder.objectRef<SandboxChoice>('SandboxChoice').implement({
  fields: (t) => ({
    id: t.exposeString('id'),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
  }),
});

const SandboxMediaType = builder.enumType('SandboxMediaType', {
  values: ['IMAGE', 'AUDIO'] as const,
});

const SandboxMediaRef = builder.objectRef<SandboxMedia>('SandboxMedia').implement({
  description: 'A photo or voice note the simulated phone sent from the dashboard.',
  fields: (t) => ({
    type: t.field({
      type: SandboxMediaType,
      resolve: (m) => (m.type === 'image' ? 'IMAGE' : 'AUDIO'),
    }),
    url: t.string({
      description: 'Where its sender can fetch the file (anyone else is refused).',
      resolve: (m) => `${ATTACHMENTS_PATH}${m.attachmentId}`,
    }),
  }),
});

const SandboxMessageRef = builder.objectRef<SandboxMessage>('SandboxMessage').implement({
  description: 'One message of a sandbox chat.',
  fields: (t) => ({
    id: t.exposeID('id'),
    direction: t.expose('direction', { type: SandboxDirection }),
    text: t.exposeString('text', {
      nullable: true,
      description: 'Text body, interactive body, or a template rendered to readable text.',
    }),
    header: t.exposeString('header', { nullable: true }),
    footer: t.exposeString('footer', { nullable: true }),
    buttons: t.field({
      type: [SandboxChoiceRef],
      description: 'Reply buttons (at most 3) of an interactive message.',
      resolve: (m) => m.buttons,
    }),
    listButton: t.exposeString('listButton', {
      nullable: true,
      description: 'The label of an interactive list’s button.',
    }),
    listRows: t.field({
      type: [SandboxChoiceRef],
      description: 'Every row of every section of an interactive list.',
      resolve: (m) => m.listRows,
    }),
    media: t.field({
      type: SandboxMediaRef,
      nullable: true,
      resolve: (m) => m.media,
    }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

function sandboxOn(context: SignedInContext): SandboxChatSettings {
  if (!context.sandboxChat) {
    throw new GraphQLError(
      'Sandbox chat is off: it runs only in sandbox mode (no WHATSAPP_ACCESS_TOKEN) outside production.',
      { extensions: { code: 'SANDBOX_OFF' } },
    );
  }
  return context.sandboxChat;
}

/**
 * A number actively linked to another account (by phone, or by the BSUID of its
 * conversation) is that account's chat. Any other number is the viewer's to play
 * with: their own link, the number of their latest code, or a stranger's number.
 */
async function linkedElsewhere(context: SignedInContext, phone: string): Promise<boolean> {
  const { prisma } = context;
  const conversations = await prisma.conversation.findMany({
    where: { OR: [{ phoneNumber: phone }, { waKey: { in: [phone, toWaDigits(phone)] } }] },
    select: { bsuid: true },
  });
  const bsuids = conversations.flatMap((c) => (c.bsuid ? [c.bsuid] : []));
  const other = await prisma.whatsAppLink.findFirst({
    where: {
      active: true,
      userId: { not: context.viewer.user.id },
      OR: [{ phoneNumber: phone }, ...(bsuids.length ? [{ bsuid: { in: bsuids } }] : [])],
    },
    select: { id: true },
  });
  return other !== null;
}

async function chatOf(context: SignedInContext, phone: string, last: number) {
  const { prisma } = context;
  const recipients = [phone, toWaDigits(phone)];
  const conversationIds = (
    await prisma.conversation.findMany({
      where: { OR: [{ phoneNumber: phone }, { waKey: { in: recipients } }] },
      select: { id: true },
    })
  ).map((c) => c.id);
  const [inbound, outbound] = await Promise.all([
    prisma.inboundMessage.findMany({
      where: { conversationId: { in: conversationIds } },
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      take: last,
    }),
    prisma.outboundMessage.findMany({
      // Codes are queued before a conversation may exist: they carry the recipient only.
      where: {
        OR: [
          { conversationId: { in: conversationIds } },
          { conversationId: null, recipient: { in: recipients } },
        ],
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: last,
    }),
  ]);
  return mergeChat(inbound.map(inboundToSandbox), outbound.map(outboundToSandbox), last);
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

builder.queryField('sandboxChat', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: [SandboxMessageRef],
    description:
      'The sandbox chat between the bot and the simulated phone `phone` (E.164), oldest first, ' +
      `the last \`last\` messages (at most ${MAX_LAST}). Sandbox mode only.`,
    args: {
      phone: t.arg.string({ required: true }),
      last: t.arg.int({ defaultValue: 50 }),
    },
    resolve: async (_root, args, context) => {
      sandboxOn(context);
      const phone = normalizePhoneNumber(args.phone);
      if (!phone) throw badInput('phone must be in international format, e.g. +919812345678');
      const last = args.last ?? 50;
      if (last < 1 || last > MAX_LAST) throw badInput(`last must be from 1 to ${MAX_LAST}`);
      if (await linkedElsewhere(context, phone)) {
        throw new GraphQLError('This number is linked to another account.', {
          extensions: { code: 'FORBIDDEN' },
        });
      }
      return chatOf(context, phone, last);
    },
  }),
);

const sandboxPhone = z
  .string()
  .transform((value) => normalizePhoneNumber(value) ?? '')
  .refine(Boolean, 'must be in international format, e.g. +919812345678');

const SandboxSendInput = builder.inputType('SandboxSendInput', {
  description: 'Exactly one of text and choiceId (with the tapped button’s or row’s title).',
  fields: (t) => ({
    phone: t.string({ required: true, validate: sandboxPhone }),
    text: t.string({ validate: z.string().trim().min(1).max(4096).nullish() }),
    choiceId: t.string({ validate: z.string().min(1).max(256).nullish() }),
    choiceTitle: t.string({ validate: z.string().min(1).max(100).nullish() }),
  }),
});

/** What the simulated phone sends: the text, or the tap as Meta would report it. */
async function contentFor(
  context: SignedInContext,
  phone: string,
  input: { text?: string | null; choiceId?: string | null; choiceTitle?: string | null },
): Promise<Pick<SignedWebhookOptions, 'text' | 'buttonReply' | 'listReply' | 'replyTo'>> {
  const { text, choiceId, choiceTitle } = input;
  if ((text == null) === (choiceId == null)) {
    throw new ValidationError([
      { path: ['input', 'text'], message: 'give either text or choiceId, not both or neither' },
    ]);
  }
  if (text != null) return { text };
  const id = choiceId ?? '';
  const chat = await chatOf(context, phone, MAX_LAST);
  const { kind, choice, wamid } = replyKind(chat, id);
  const title = choiceTitle ?? choice?.title ?? id;
  const replyTo = wamid ? { replyTo: wamid } : {};
  if (kind === 'button_reply') return { buttonReply: { id, title }, ...replyTo };
  return {
    listReply: { id, title, ...(choice?.description ? { description: choice.description } : {}) },
    ...replyTo,
  };
}

/** Posts as `phone`, then reads back what the webhook stored. */
async function sendAs(
  context: SignedInContext,
  settings: SandboxChatSettings,
  phone: string,
  content: Pick<SignedWebhookOptions, 'text' | 'buttonReply' | 'listReply' | 'replyTo' | 'media'>,
): Promise<SandboxMessage> {
  const wamid = `wamid.SANDBOX${randomBytes(12).toString('hex').toUpperCase()}`;
  await postWebhook(
    settings,
    signedWebhookRequest({
      appSecret: settings.appSecret,
      phoneNumberId: settings.phoneNumberId,
      from: phone,
      name: context.viewer.user.displayName,
      wamid,
      ...content,
    }),
  );
  const stored = await context.prisma.inboundMessage.findUnique({
    where: { waMessageId: wamid },
  });
  if (!stored) throw new Error('the sandbox webhook accepted the message but did not store it');
  return inboundToSandbox(stored);
}

async function postWebhook(
  settings: SandboxChatSettings,
  request: { body: Buffer; headers: Record<string, string> },
) {
  const url =
    typeof settings.webhookUrl === 'function' ? settings.webhookUrl() : settings.webhookUrl;
  const res = await fetch(url, {
    method: 'POST',
    headers: request.headers,
    body: new Uint8Array(request.body),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  await res.body?.cancel();
  // Unexpected, so masked for the client; the log names the status, never the secret.
  if (res.status !== 200) throw new Error(`the sandbox webhook answered HTTP ${res.status}`);
}

builder.mutationField('sandboxSend', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: SandboxMessageRef,
    description:
      'Posts a webhook signed as Meta signs it to the api’s own /whatsapp/webhook, as if ' +
      '`phone` had sent it, and returns the stored message; the bot answers shortly after ' +
      '(read sandboxChat). A choice goes as a button_reply when it is a button of the bot’s ' +
      'latest interactive message, as a list_reply otherwise. Sandbox mode only.',
    args: { input: t.arg({ type: SandboxSendInput, required: true }) },
    errors: {
      types: [ValidationError, ConflictError],
      directResult: false,
      dataField: { name: 'message' },
    },
    resolve: async (_root, { input }, context) => {
      const settings = sandboxOn(context);
      const phone = input.phone;
      if (await linkedElsewhere(context, phone)) {
        throw new ConflictError('This number is linked to another account.', 'phone');
      }
      return sendAs(context, settings, phone, await contentFor(context, phone, input));
    },
  }),
);

const SandboxSendMediaInput = builder.inputType('SandboxSendMediaInput', {
  fields: (t) => ({
    phone: t.string({ required: true, validate: sandboxPhone }),
    caption: t.string({
      description: 'Text sent with a photo (voice notes have none).',
      validate: z.string().trim().min(1).max(1024).nullish(),
    }),
  }),
});

/** A photo or an audio file, by its type; anything else is refused in plain words. */
async function mediaUpload(file: File): Promise<Upload & { type: 'image' | 'audio' }> {
  const audio = file.type.toLowerCase().startsWith('audio/');
  const rule = audio ? AUDIO_UPLOAD : IMAGE_UPLOAD;
  const types = { ...IMAGE_UPLOAD.types, ...AUDIO_UPLOAD.types };
  const upload = await readUpload(file, {
    field: 'file',
    ...rule,
    types: audio ? rule.types : types,
  });
  return { ...upload, type: audio ? 'audio' : 'image' };
}

builder.mutationField('sandboxSendMedia', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: SandboxMessageRef,
    description:
      'Sends a photo (JPEG, PNG or WebP, at most 5 MB) or an audio file (at most 16 MB) as ' +
      '`phone`, as a multipart upload: the file is kept as yours and the signed webhook names ' +
      'it as its media id, so the bot reads it as it would a WhatsApp photo or voice note. ' +
      'Sandbox mode only.',
    args: {
      input: t.arg({ type: SandboxSendMediaInput, required: true }),
      file: t.arg({ type: 'File', required: true }),
    },
    errors: {
      types: [ValidationError, ConflictError],
      directResult: false,
      dataField: { name: 'message' },
    },
    resolve: async (_root, { input, file }, context) => {
      const settings = sandboxOn(context);
      const phone = input.phone;
      if (await linkedElsewhere(context, phone)) {
        throw new ConflictError('This number is linked to another account.', 'phone');
      }
      const upload = await mediaUpload(file);
      if (upload.type === 'audio' && input.caption) {
        throw new ValidationError([
          { path: ['input', 'caption'], message: 'A voice note has no caption.' },
        ]);
      }
      const kept = await context.sql.transaction((tx) =>
        postgresAttachments.put(tx, context.viewer.user.id, upload),
      );
      return sendAs(context, settings, phone, {
        media: {
          type: upload.type,
          id: `${SANDBOX_MEDIA_PREFIX}${kept.id}`,
          mimeType: upload.mimeType,
          // Meta announces the hash in base64.
          sha256: createHash('sha256').update(upload.bytes).digest('base64'),
          ...(input.caption ? { caption: input.caption } : {}),
        },
      });
    },
  }),
);
