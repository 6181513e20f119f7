import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isBsuid, isPhoneNumber, toWaDigits } from '../identity.ts';
import { DEVELOPMENT_WEBHOOK_SECRET, SIMULATOR_PHONE_NUMBER_ID } from './defaults.ts';
import type { RecordedMessage } from './graph-simulator.ts';
import { signedWebhookRequest, type SignedWebhookOptions } from './webhook-requests.ts';

export const WA_USAGE = `Usage: wa (--from PHONE | --bsuid BSUID) [options] [TEXT...]

Posts a signed WhatsApp webhook to the api, as Meta would, then prints the replies the
Graph simulator (npm run wa:sim) records for that user.

Options:
  --from PHONE     the user's phone number, e.g. 919812345678 or +919812345678
  --bsuid BSUID    the user's business-scoped user id, e.g. IN.1648738043044942;
                   without --from it acts as a username user with no phone number
  --name NAME      profile name (default "Simulated User")
  --button ID      tap the reply button with this id instead of sending text
  --list ID        pick the list row with this id instead of sending text
  --image FILE     send a photo (JPEG, PNG or WebP); TEXT becomes its caption
  --audio FILE     send a voice note (OGG/Opus, MP3, M4A or AMR)
  --title TITLE    title of the tapped button or row (default: the id)
  --wait SECONDS   how long to wait for replies, up to 60 (default 5)
  -h, --help       show this help

Environment:
  WEBHOOK_URL               default http://127.0.0.1:3000/whatsapp/webhook/
  WEBHOOK_SECRET            default ${DEVELOPMENT_WEBHOOK_SECRET}
  WA_SIM_URL                default http://127.0.0.1:4100
  WHATSAPP_PHONE_NUMBER_ID  default ${SIMULATOR_PHONE_NUMBER_ID}

Examples:
  node packages/whatsapp/bin/wa.ts --from 919812345678 "120 petrol"
  node packages/whatsapp/bin/wa.ts --from 919812345678 --button confirm
  node packages/whatsapp/bin/wa.ts --from 919812345678 --image receipt.jpg "lunch"
  node packages/whatsapp/bin/wa.ts --from 919812345678 --audio note.ogg

Photos and voice notes go through the Graph simulator's media store, so the api must
use it (WHATSAPP_API_URL and WHATSAPP_ACCESS_TOKEN pointing at npm run wa:sim).
  node packages/whatsapp/bin/wa.ts --bsuid US.13491208655302741918 "lunch 250"`;

export interface WaArgs {
  from?: string;
  bsuid?: string;
  name?: string;
  text?: string;
  button?: { id: string; title: string };
  list?: { id: string; title: string };
  /** A file to send as a photo or a voice note. */
  media?: { type: 'image' | 'audio'; path: string; mimeType: string };
  waitMs: number;
}

const MEDIA_TYPES: Record<string, { type: 'image' | 'audio'; mimeType: string }> = {
  jpg: { type: 'image', mimeType: 'image/jpeg' },
  jpeg: { type: 'image', mimeType: 'image/jpeg' },
  png: { type: 'image', mimeType: 'image/png' },
  webp: { type: 'image', mimeType: 'image/webp' },
  ogg: { type: 'audio', mimeType: 'audio/ogg; codecs=opus' },
  opus: { type: 'audio', mimeType: 'audio/ogg; codecs=opus' },
  mp3: { type: 'audio', mimeType: 'audio/mpeg' },
  m4a: { type: 'audio', mimeType: 'audio/mp4' },
  amr: { type: 'audio', mimeType: 'audio/amr' },
};

function mediaArg(
  type: 'image' | 'audio',
  path: string,
): { ok: true; media: NonNullable<WaArgs['media']> } | { ok: false; error: string } {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  const known = MEDIA_TYPES[extension];
  if (known?.type !== type) {
    const allowed = Object.entries(MEDIA_TYPES)
      .filter(([, media]) => media.type === type)
      .map(([ext]) => `.${ext}`)
      .join(', ');
    return { ok: false, error: `--${type} takes a ${allowed} file, got ${path}` };
  }
  return { ok: true, media: { type, path, mimeType: known.mimeType } };
}

export type ParsedWaArgs =
  { ok: true; help: true } | { ok: true; help: false; args: WaArgs } | { ok: false; error: string };

/** Reads `wa`'s command line; never throws, so the caller can print usage on error. */
export function parseWaArgs(argv: readonly string[]): ParsedWaArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: 'string' },
        bsuid: { type: 'string' },
        name: { type: 'string' },
        button: { type: 'string' },
        list: { type: 'string' },
        image: { type: 'string' },
        audio: { type: 'string' },
        title: { type: 'string' },
        wait: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, help: true };
  if (values.from === undefined && values.bsuid === undefined) {
    return { ok: false, error: 'give --from PHONE, --bsuid BSUID, or both' };
  }
  if (values.from !== undefined && !isPhoneNumber(values.from)) {
    return { ok: false, error: `--from is not a phone number: ${values.from}` };
  }
  if (values.bsuid !== undefined && !isBsuid(values.bsuid)) {
    return {
      ok: false,
      error: `--bsuid is not a BSUID (like IN.1648738043044942): ${values.bsuid}`,
    };
  }
  const text = positionals.join(' ').trim();
  const file = values.image ?? values.audio;
  if (values.image !== undefined && values.audio !== undefined) {
    return { ok: false, error: 'send --image or --audio, not both' };
  }
  if (values.audio !== undefined && text !== '') {
    return { ok: false, error: 'a voice note has no caption: drop the TEXT' };
  }
  // A photo's TEXT is its caption.
  const kinds = [
    text !== '' && file === undefined,
    values.button !== undefined,
    values.list !== undefined,
    file !== undefined,
  ];
  if (kinds.filter(Boolean).length !== 1) {
    return {
      ok: false,
      error: 'send exactly one of: TEXT, --button ID, --list ID, --image FILE, --audio FILE',
    };
  }
  let media: WaArgs['media'];
  if (file !== undefined) {
    const read = mediaArg(values.image !== undefined ? 'image' : 'audio', file);
    if (!read.ok) return read;
    media = read.media;
  }
  if (values.title !== undefined && !values.button && !values.list) {
    return { ok: false, error: '--title only goes with --button or --list' };
  }
  const waitSeconds = values.wait === undefined ? 5 : Number(values.wait);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0 || waitSeconds > 60) {
    return { ok: false, error: `--wait must be 0 to 60 seconds, got ${values.wait}` };
  }
  const args: WaArgs = { waitMs: waitSeconds * 1000 };
  if (values.from !== undefined) args.from = values.from;
  if (values.bsuid !== undefined) args.bsuid = values.bsuid;
  if (values.name !== undefined) args.name = values.name;
  if (text) args.text = text;
  if (values.button) args.button = { id: values.button, title: values.title ?? values.button };
  if (values.list) args.list = { id: values.list, title: values.title ?? values.list };
  if (media) args.media = media;
  return { ok: true, help: false, args };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Renders a recorded outbound message the way a person would read it in the chat. */
export function formatReply(message: object): string {
  const body = record(message);
  const type = text(body.type);
  if (type === 'text') return text(record(body.text).body);
  if (type === 'interactive') {
    const interactive = record(body.interactive);
    const action = record(interactive.action);
    const lines = [text(record(interactive.header).text), text(record(interactive.body).text)];
    if (Array.isArray(action.buttons)) {
      for (const button of action.buttons) {
        const reply = record(record(button).reply);
        lines.push(`  [${text(reply.title)}]  (--button ${text(reply.id)})`);
      }
    }
    if (Array.isArray(action.sections)) {
      lines.push(`  ≡ ${text(action.button)}`);
      for (const section of action.sections) {
        if (text(record(section).title)) lines.push(`  ${text(record(section).title)}`);
        const rows = record(section).rows;
        for (const row of Array.isArray(rows) ? rows : []) {
          const { id, title, description } = record(row);
          const suffix = text(description) ? ` - ${text(description)}` : '';
          lines.push(`    • ${text(title)}${suffix}  (--list ${text(id)})`);
        }
      }
    }
    lines.push(text(record(interactive.footer).text));
    return lines.filter(Boolean).join('\n');
  }
  if (type === 'template') {
    const template = record(body.template);
    const components = Array.isArray(template.components) ? template.components : [];
    const parameters = components.flatMap((component) => {
      const list = record(component).parameters;
      return (Array.isArray(list) ? list : []).map((parameter) => text(record(parameter).text));
    });
    return `template ${text(template.name)} (${text(record(template.language).code)}): ${parameters.join(', ')}`;
  }
  return `(${type || 'unknown'} message)`;
}

export interface WaIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  fetch?: typeof fetch;
  /** Reads the file of --image or --audio. Default node:fs. */
  readFile?: (path: string) => Promise<Buffer>;
  /** Interval between polls of the simulator. Default 200 ms. */
  pollMs?: number;
  /** Stop this long after the last reply, as one message may get several. Default 1 s. */
  quietMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function recordedMessages(
  fetchImpl: typeof fetch,
  simulatorUrl: string,
): Promise<RecordedMessage[] | undefined> {
  try {
    const response = await fetchImpl(`${simulatorUrl}/messages`, {
      signal: AbortSignal.timeout(2000),
    });
    if (!response.ok) return undefined;
    const list: unknown = await response.json();
    return Array.isArray(list) ? (list as RecordedMessage[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `wa`: posts one signed webhook, then polls the simulator for replies to the same
 * user until `--wait` passes, or a quiet second passes after the last reply.
 * Returns the exit code: 0 replies seen (or no simulator to ask), 1 failure, 2 usage.
 */
export async function runWa(argv: readonly string[], io: WaIo): Promise<number> {
  const parsed = parseWaArgs(argv);
  if (!parsed.ok) {
    io.err(`wa: ${parsed.error}\n\n${WA_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.out(WA_USAGE);
    return 0;
  }
  const { args } = parsed;
  const fetchImpl = io.fetch ?? fetch;
  const webhookUrl = io.env.WEBHOOK_URL || 'http://127.0.0.1:3000/whatsapp/webhook/';
  // Without a simulator, a sandbox api keeps its replies and lists them the same way.
  const candidates = io.env.WA_SIM_URL
    ? [io.env.WA_SIM_URL.replace(/\/+$/, '')]
    : ['http://127.0.0.1:4100', `${new URL(webhookUrl).origin}/whatsapp/sandbox`];
  const options: SignedWebhookOptions = {
    appSecret: io.env.WEBHOOK_SECRET || DEVELOPMENT_WEBHOOK_SECRET,
    phoneNumberId: io.env.WHATSAPP_PHONE_NUMBER_ID || SIMULATOR_PHONE_NUMBER_ID,
  };
  if (args.from !== undefined) options.from = args.from;
  if (args.bsuid !== undefined) options.bsuid = args.bsuid;
  if (args.name !== undefined) options.name = args.name;
  if (args.text !== undefined) options.text = args.text;
  if (args.button) options.buttonReply = args.button;
  if (args.list) options.listReply = args.list;

  // Remember what was there before, so only replies to this message are printed.
  let simulatorUrl = candidates[0] ?? '';
  let before: RecordedMessage[] | undefined;
  for (const candidate of candidates) {
    before = await recordedMessages(fetchImpl, candidate);
    simulatorUrl = candidate;
    if (before) break;
  }
  const seen = new Set((before ?? []).map((message) => message.wamid));

  if (args.media) {
    const uploaded = await uploadMedia(args.media, before ? simulatorUrl : undefined, io);
    if (!uploaded.ok) {
      io.err(`wa: ${uploaded.error}`);
      return 1;
    }
    delete options.text;
    options.media = { type: args.media.type, mimeType: args.media.mimeType, ...uploaded.media };
    if (args.text !== undefined) options.media.caption = args.text;
  }
  const request = signedWebhookRequest(options);

  const who = [args.from, args.bsuid].filter(Boolean).join(' / ');
  const what = args.media
    ? `[${args.media.type} ${args.media.path}]${args.text ? ` ${args.text}` : ''}`
    : (args.text ?? (args.button ? `[button ${args.button.id}]` : `[list ${args.list?.id}]`));
  io.out(`→ ${who}: ${what}`);
  try {
    const response = await fetchImpl(webhookUrl, {
      method: 'POST',
      headers: request.headers,
      body: new Uint8Array(request.body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      const detail = (await response.text()).slice(0, 500);
      io.err(`wa: webhook answered HTTP ${response.status}${detail ? `: ${detail}` : ''}`);
      return 1;
    }
  } catch (error) {
    const reason = error instanceof Error ? (error.cause ?? error) : error;
    io.err(
      `wa: could not reach the webhook at ${webhookUrl} (${reason instanceof Error ? reason.message : String(reason)}). Is the api running?`,
    );
    return 1;
  }

  if (!before) {
    io.err(
      `wa: webhook accepted; no simulator (${candidates.join(' or ')}) to read replies from (npm run wa:sim)`,
    );
    return 0;
  }
  const digits = args.from === undefined ? undefined : toWaDigits(args.from);
  const isForUser = (message: RecordedMessage) =>
    (digits !== undefined && message.to === digits) ||
    (args.bsuid !== undefined && message.recipient === args.bsuid);
  const deadline = Date.now() + args.waitMs;
  let replies = 0;
  let lastReplyAt = 0;
  const { pollMs = 200, quietMs = 1000 } = io;
  while (Date.now() < deadline && !(replies > 0 && Date.now() - lastReplyAt > quietMs)) {
    await sleep(pollMs);
    for (const message of (await recordedMessages(fetchImpl, simulatorUrl)) ?? []) {
      if (seen.has(message.wamid) || !isForUser(message)) continue;
      seen.add(message.wamid);
      replies += 1;
      lastReplyAt = Date.now();
      io.out(`← ${formatReply(message.body).replaceAll('\n', '\n  ')}`);
    }
  }
  if (replies === 0) {
    io.err(`wa: no reply within ${args.waitMs / 1000} s`);
    return 1;
  }
  return 0;
}

/** Puts the file in the Graph simulator's media store, as if the user's phone had uploaded it. */
async function uploadMedia(
  media: NonNullable<WaArgs['media']>,
  simulatorUrl: string | undefined,
  io: WaIo,
): Promise<{ ok: true; media: { id: string; sha256: string } } | { ok: false; error: string }> {
  if (!simulatorUrl || simulatorUrl.endsWith('/whatsapp/sandbox')) {
    return {
      ok: false,
      error:
        'photos and voice notes need the Meta simulator (npm run wa:sim), with the api using it; ' +
        'in sandbox mode, attach them in the dashboard’s chat instead',
    };
  }
  let bytes: Buffer;
  try {
    bytes = await (io.readFile ?? ((path: string) => readFile(path)))(media.path);
  } catch (error) {
    return { ok: false, error: `cannot read ${media.path}: ${(error as Error).message}` };
  }
  try {
    const response = await (io.fetch ?? fetch)(`${simulatorUrl}/media-files`, {
      method: 'POST',
      headers: { 'content-type': media.mimeType },
      body: new Uint8Array(bytes),
      signal: AbortSignal.timeout(10_000),
    });
    const body = record(await response.json().catch(() => ({})));
    if (!response.ok || typeof body.id !== 'string' || typeof body.sha256 !== 'string') {
      return { ok: false, error: `the simulator refused the file (HTTP ${response.status})` };
    }
    return { ok: true, media: { id: body.id, sha256: body.sha256 } };
  } catch (error) {
    return { ok: false, error: `could not upload to ${simulatorUrl}: ${(error as Error).message}` };
  }
}
