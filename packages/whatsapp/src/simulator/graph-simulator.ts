import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isBsuid } from '../identity.ts';
import { LIMITS } from '../message-limits.ts';
import {
  businessAccount,
  type SimulatedAccount,
  type SimulatedAccountOptions,
} from './business-account.ts';
import { SIMULATOR_API_VERSION } from './defaults.ts';
import { mediaStore, type SimulatedMedia } from './media-store.ts';
import { receiveUpload, UPLOAD_PATH, type UploadedMedia } from './media-uploads.ts';
import { randomSeed, seededRandom } from './random.ts';

/**
 * How the simulator can fail a request, mirroring what Graph does under load. A
 * 'lost-answer' takes the message (it is recorded, as Meta would deliver it) and never
 * answers, like a timeout whose request got through: the sender cannot tell it apart
 * from 'timeout', so a sender that retries delivers that message twice.
 */
export type SimulatedFailure = '429' | '500' | 'timeout' | '131056' | 'lost-answer';

export const SIMULATED_FAILURES: readonly SimulatedFailure[] = [
  '429',
  '500',
  'timeout',
  '131056',
  'lost-answer',
];

/** The failures after which the message was not taken, drawn from unless told otherwise. */
const DEFAULT_FAILURES: readonly SimulatedFailure[] = ['429', '500', 'timeout', '131056'];

export interface GraphSimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Fraction of message requests to fail, 0 to 1. */
  failRate?: number;
  /** Failures to draw from when one is due. Default DEFAULT_FAILURES (no 'lost-answer'). */
  failWith?: readonly SimulatedFailure[];
  /** Makes failures and wamids repeat from run to run. */
  seed?: number;
  /** When set, only this bearer token is accepted; otherwise any non-empty one. */
  accessToken?: string;
  /** How long 'timeout' and 'lost-answer' hold the connection before dropping it. Default 30 s. */
  hangMs?: number;
  /** Called for each accepted message, e.g. to print it. */
  onMessage?: (message: RecordedMessage) => void;
  /** The business account its management endpoints show (GET /<phone id>, templates...). */
  account?: SimulatedAccountOptions;
  /** Called for each failed request with its parsed body, e.g. to see which message hung. */
  onFailure?: (failure: SimulatedFailure, body: unknown) => void;
}

export interface RecordedMessage {
  wamid: string;
  phoneNumberId: string;
  /** Digits, when the message was addressed to a phone number. */
  to?: string;
  /** The BSUID, when it was addressed to one. */
  recipient?: string;
  type: string;
  /** The request body exactly as parsed. */
  body: Record<string, unknown>;
  receivedAt: string;
  /** Taken under a 'lost-answer': the sender never learned its wamid. */
  unanswered?: true;
}

export interface RecordedRead {
  messageId: string;
  phoneNumberId: string;
  typing: boolean;
  receivedAt: string;
  /** Taken under a 'lost-answer'. */
  unanswered?: true;
}

export interface FailureSettings {
  failRate?: number;
  failWith?: readonly SimulatedFailure[];
}

export interface GraphSimulator {
  /** Origin, e.g. http://127.0.0.1:4100 (GET /messages lives here). */
  url: string;
  /** What WHATSAPP_API_URL should be: the origin plus the Graph version. */
  apiUrl: string;
  /** Accepted messages, oldest first. */
  readonly messages: readonly RecordedMessage[];
  readonly reads: readonly RecordedRead[];
  /** Files the business uploaded (POST /<phone id>/media), oldest first. */
  readonly uploads: readonly UploadedMedia[];
  /** Failures served so far, in order. */
  readonly failures: readonly SimulatedFailure[];
  setFailure(settings: FailureSettings): void;
  /** Fails the next requests with these failures, one each, before `failRate` applies. */
  failNext(...failures: SimulatedFailure[]): void;
  /** Forgets recorded messages, reads and failures. */
  clear(): void;
  /** The business account: its ids, and faults to set (a refused token, no subscription...). */
  account: SimulatedAccount;
  /** Files users send: GET /<media-id> and its URL serve them. */
  media: SimulatedMedia;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const MESSAGES_PATH = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/;
const MAX_BODY_BYTES = 1024 * 1024;
const MESSAGE_TYPES = new Set([
  'text',
  'interactive',
  'template',
  'image',
  'audio',
  'video',
  'document',
  'sticker',
  'location',
  'contacts',
  'reaction',
]);

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function graphError(code: number, message: string, details?: string): Json {
  const error: Json = { message, type: 'OAuthException', code, fbtrace_id: 'SIMTRACE' };
  if (details) error.error_data = { messaging_product: 'whatsapp', details };
  return { error };
}

function send(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

const FAILURE_RESPONSES: Record<
  Exclude<SimulatedFailure, 'timeout' | 'lost-answer'>,
  [number, Json, object]
> = {
  '429': [
    429,
    graphError(
      130429,
      '(#130429) Rate limit hit',
      'Cloud API message throughput has been reached.',
    ),
    { 'retry-after': '1' },
  ],
  '500': [500, graphError(131000, 'Something went wrong', 'Simulated server error.'), {}],
  '131056': [
    400,
    graphError(
      131056,
      '(#131056) (Business Account, Consumer Account) pair rate limit hit',
      'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
    ),
    {},
  ],
};

/** What is wrong with an outbound message body, loosely as Graph would judge it. */
function problemWith(body: Json, uploaded: (id: string) => boolean): string | undefined {
  if (body.messaging_product !== 'whatsapp') return 'messaging_product must be "whatsapp"';
  const { to, recipient, type } = body;
  const toOk = typeof to === 'string' && /^\+?\d{6,15}$/.test(to);
  const recipientOk = typeof recipient === 'string' && isBsuid(recipient);
  if (!toOk && !recipientOk) return 'a phone number in "to" or a BSUID in "recipient" is required';
  if (typeof type !== 'string' || !MESSAGE_TYPES.has(type))
    return `unsupported type ${String(type)}`;
  const content = body[type];
  if (!isRecord(content)) return `"${type}" object is required`;
  if (type === 'text') {
    const text = content.body;
    if (typeof text !== 'string' || !text.trim()) return 'text.body is required';
    if (text.length > LIMITS.textBody) return `text.body is longer than ${LIMITS.textBody}`;
  }
  if (type === 'interactive' && (typeof content.type !== 'string' || !isRecord(content.action))) {
    return 'interactive.type and interactive.action are required';
  }
  if (type === 'document') {
    if (typeof content.id === 'string') {
      if (!uploaded(content.id)) return `document.id ${content.id} is no uploaded media`;
    } else if (typeof content.link !== 'string') return 'document.id or document.link is required';
  }
  if (type === 'template') {
    const language = content.language;
    if (
      typeof content.name !== 'string' ||
      !isRecord(language) ||
      typeof language.code !== 'string'
    ) {
      return 'template.name and template.language.code are required';
    }
  }
  return undefined;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A fake Graph API over real HTTP: accepts `POST /:version/:phoneNumberId/messages` with
 * a bearer token, checks the body loosely, assigns `wamid.SIM...` ids and records what
 * was sent. It can fail requests the way Graph does (429, 500, 131056, or no answer).
 */
export async function startGraphSimulator({
  port = 0,
  host = '127.0.0.1',
  failRate = 0,
  failWith = DEFAULT_FAILURES,
  seed = randomSeed(),
  accessToken,
  hangMs = 30_000,
  onMessage,
  account: accountOptions = {},
  onFailure,
}: GraphSimulatorOptions = {}): Promise<GraphSimulator> {
  const failureRandom = seededRandom(seed);
  // A separate stream for ids, so ids do not shift when the failure settings change.
  const idRandom = seededRandom(seed ^ 0x9e3779b9);
  let settings = { failRate, failWith: [...failWith] };
  let queued: SimulatedFailure[] = [];
  let counter = 0;
  const messages: RecordedMessage[] = [];
  const reads: RecordedRead[] = [];
  const uploads: UploadedMedia[] = [];
  const failures: SimulatedFailure[] = [];

  function nextWamid(): string {
    counter += 1;
    const noise = Array.from({ length: 12 }, () => Math.floor(idRandom() * 16).toString(16)).join(
      '',
    );
    return `wamid.SIM${String(counter).padStart(6, '0')}${noise.toUpperCase()}`;
  }

  function dueFailure(): SimulatedFailure | undefined {
    const next = queued.shift();
    if (next) return next;
    const { failRate: rate, failWith: kinds } = settings;
    if (kinds.length === 0 || rate <= 0) return undefined;
    const roll = failureRandom();
    const pick = failureRandom();
    return roll < rate ? kinds[Math.floor(pick * kinds.length)] : undefined;
  }

  function clear(): void {
    messages.length = 0;
    reads.length = 0;
    uploads.length = 0;
    failures.length = 0;
    queued = [];
  }

  const accepts = (token: string | undefined) =>
    Boolean(token) && (accessToken === undefined || token === accessToken);
  const account = businessAccount(accountOptions, accepts);
  let origin = '';
  const media = mediaStore(() => origin, authorised);

  function authorised(request: IncomingMessage): boolean {
    return accepts(/^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]);
  }

  function listMessages(response: ServerResponse, query: URLSearchParams): void {
    const to = query.get('to')?.replace(/^\+/, '');
    const recipient = query.get('recipient');
    send(
      response,
      200,
      messages.filter(
        (message) => (!to || message.to === to) && (!recipient || message.recipient === recipient),
      ),
    );
  }

  async function postMessage(
    request: IncomingMessage,
    response: ServerResponse,
    phoneNumberId: string,
  ): Promise<void> {
    if (account.refusesTokens()) {
      send(response, 401, account.expiredToken);
      return;
    }
    if (!authorised(request)) {
      send(
        response,
        401,
        graphError(190, 'Invalid OAuth access token - Cannot parse access token'),
      );
      return;
    }
    let body: unknown;
    try {
      body = await readJson(request);
    } catch {
      send(response, 400, graphError(100, '(#100) Invalid parameter', 'Request body is not JSON'));
      return;
    }
    const failure = dueFailure();
    const hang = () => setTimeout(() => response.destroy(), hangMs).unref();
    if (failure) {
      failures.push(failure);
      onFailure?.(failure, body);
      if (failure === 'timeout') {
        hang();
        return;
      }
    }
    const lost = failure === 'lost-answer';
    // Under a lost answer the request is handled in full and only the answer is held back.
    const answer = (status: number, answerBody: unknown, headers = {}) => {
      if (lost) hang();
      else send(response, status, answerBody, headers);
    };
    if (failure && !lost) {
      const [status, error, headers] = FAILURE_RESPONSES[failure];
      answer(status, error, headers);
      return;
    }
    if (!isRecord(body)) {
      answer(400, graphError(100, '(#100) Invalid parameter', 'Expected a JSON object'));
      return;
    }
    const receivedAt = new Date().toISOString();
    if (body.status === 'read') {
      if (typeof body.message_id !== 'string' || body.messaging_product !== 'whatsapp') {
        answer(400, graphError(100, '(#100) Invalid parameter', 'message_id is required'));
        return;
      }
      reads.push({
        messageId: body.message_id,
        phoneNumberId,
        typing: isRecord(body.typing_indicator),
        receivedAt,
        ...(lost ? { unanswered: true as const } : {}),
      });
      answer(200, { success: true });
      return;
    }
    const problem = problemWith(body, (id) => uploads.some((u) => u.id === id));
    if (problem) {
      answer(400, graphError(100, '(#100) Invalid parameter', problem));
      return;
    }
    const record: RecordedMessage = {
      wamid: nextWamid(),
      phoneNumberId,
      type: String(body.type),
      body,
      receivedAt,
      ...(lost ? { unanswered: true as const } : {}),
    };
    const contact: Json = {};
    if (typeof body.to === 'string') {
      record.to = body.to.replace(/^\+/, '');
      Object.assign(contact, { input: body.to, wa_id: record.to });
    } else if (typeof body.recipient === 'string') {
      record.recipient = body.recipient;
      Object.assign(contact, { input: body.recipient, user_id: body.recipient });
    }
    messages.push(record);
    onMessage?.(record);
    answer(200, {
      messaging_product: 'whatsapp',
      contacts: [contact],
      messages: [{ id: record.wamid }],
    });
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const route = MESSAGES_PATH.exec(url.pathname);
    const upload = UPLOAD_PATH.exec(url.pathname);
    if (request.method === 'POST' && route?.[2]) {
      void postMessage(request, response, decodeURIComponent(route[2]));
    } else if (request.method === 'POST' && upload?.[1]) {
      if (authorised(request)) {
        void receiveUpload(request, response, decodeURIComponent(upload[1]), uploads);
      } else send(response, 401, graphError(190, 'Invalid OAuth access token'));
    } else if (url.pathname === '/messages' && request.method === 'GET') {
      listMessages(response, url.searchParams);
    } else if (url.pathname === '/messages' && request.method === 'DELETE') {
      clear();
      send(response, 200, { success: true });
    } else if (!media.handle(request, response, url) && !account.handle(request, response, url)) {
      send(
        response,
        404,
        graphError(100, 'Unsupported request', `${request.method} ${url.pathname}`),
      );
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

  return {
    url: origin,
    apiUrl: `${origin}/${SIMULATOR_API_VERSION}`,
    messages,
    reads,
    uploads,
    failures,
    setFailure(next) {
      settings = {
        failRate: next.failRate ?? settings.failRate,
        failWith: [...(next.failWith ?? settings.failWith)],
      };
    },
    failNext(...next) {
      queued.push(...next);
    },
    clear,
    account: account.control,
    media: media.control,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hanging 'timeout' requests would otherwise keep close() waiting.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
