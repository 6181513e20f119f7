// The business account behind the simulator, as Graph's management endpoints show it:
// the phone number, the apps subscribed to its webhooks, the app's webhook fields and the
// message templates. What `npm run admin -- doctor` reads, with faults to set so each of
// its failures can be seen without a Meta account.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DEVELOPMENT_WEBHOOK_SECRET,
  SIMULATOR_API_VERSION,
  SIMULATOR_APP_ID,
  SIMULATOR_BUSINESS_ACCOUNT_ID,
  SIMULATOR_PHONE_NUMBER_ID,
} from './defaults.ts';

/**
 * What can be wrong with the account:
 * - 'bad-token': Meta refuses the access token (expired or revoked), on every request;
 * - 'wrong-phone-id': the account's number has another id than the one configured;
 * - 'unsubscribed': no app is subscribed to the account's webhooks;
 * - 'no-messages-field': the app's webhook is not subscribed to the `messages` field;
 * - 'template-pending' / 'template-rejected': every template is under review / rejected.
 */
export type AccountFault =
  | 'bad-token'
  | 'wrong-phone-id'
  | 'unsubscribed'
  | 'no-messages-field'
  | 'template-pending'
  | 'template-rejected';

export const ACCOUNT_FAULTS: readonly AccountFault[] = [
  'bad-token',
  'wrong-phone-id',
  'unsubscribed',
  'no-messages-field',
  'template-pending',
  'template-rejected',
];

export interface SimulatedTemplate {
  name: string;
  /** Meta's language code, e.g. en or en_US. */
  language: string;
  category: 'AUTHENTICATION' | 'MARKETING' | 'UTILITY';
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED... */
  status: string;
  /** Why Meta rejected it (INVALID_FORMAT, PROMOTIONAL...); NONE otherwise. */
  rejectedReason?: string;
}

export interface SimulatedAccountOptions {
  businessAccountId?: string;
  phoneNumberId?: string;
  displayPhoneNumber?: string;
  verifiedName?: string;
  appId?: string;
  appName?: string;
  /** The app secret: an app token is `appId|appSecret`. Default: the development webhook secret. */
  appSecret?: string;
  /** Where the app's webhook points; default the web app of `npm start`. */
  callbackUrl?: string;
  /** Default: spendline_otp and spendline_notice in English, approved. */
  templates?: SimulatedTemplate[];
  faults?: readonly AccountFault[];
}

/** Changes the account while the simulator runs. */
export interface SimulatedAccount {
  readonly businessAccountId: string;
  readonly phoneNumberId: string;
  readonly appId: string;
  readonly faults: readonly AccountFault[];
  /** Replaces the faults (none: everything set up right). */
  setFaults(...faults: AccountFault[]): void;
  setTemplates(templates: SimulatedTemplate[]): void;
  setCallbackUrl(url: string): void;
}

export const SIMULATOR_TEMPLATES: readonly SimulatedTemplate[] = [
  { name: 'spendline_otp', language: 'en', category: 'AUTHENTICATION', status: 'APPROVED' },
  { name: 'spendline_notice', language: 'en', category: 'UTILITY', status: 'APPROVED' },
];

// The id the account's number has under 'wrong-phone-id'.
const OTHER_PHONE_NUMBER_ID = '100000000000009';

type Json = Record<string, unknown>;

function errorBody(error: Json): Json {
  return { error: { ...error, fbtrace_id: 'SIMTRACE' } };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

const expiredToken = errorBody({
  message:
    'Error validating access token: Session has expired on Sunday, 06-Dec-26 09:00:00 PST. The current time is Sunday, 06-Dec-26 10:00:00 PST.',
  type: 'OAuthException',
  code: 190,
  error_subcode: 463,
});

const unparsableToken = errorBody({
  message: 'Invalid OAuth access token - Cannot parse access token',
  type: 'OAuthException',
  code: 190,
});

// Graph's answer for an id that is not there, or that the token may not see.
const unknownObject = (id: string, method = 'get') =>
  errorBody({
    message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
  });

const PATH = /^\/v\d+\.\d+\/([^/]+)(?:\/([a-z_]+))?$/;
// The edges answered here; GET /<id> alone is answered for any id.
const EDGES = new Set(['phone_numbers', 'subscribed_apps', 'message_templates', 'subscriptions']);

/** The bearer token, or the access_token query parameter Graph also takes. */
function tokenOf(request: IncomingMessage, query: URLSearchParams): string | undefined {
  const bearer = /^(?:Bearer|OAuth) (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  return bearer ?? query.get('access_token') ?? undefined;
}

/**
 * The account's state and its GET endpoints. `authorised` tells whether a request
 * carries the user access token the simulator accepts for messages.
 */
export function businessAccount(
  options: SimulatedAccountOptions,
  authorised: (token: string | undefined) => boolean,
) {
  const businessAccountId = options.businessAccountId ?? SIMULATOR_BUSINESS_ACCOUNT_ID;
  const phoneNumberId = options.phoneNumberId ?? SIMULATOR_PHONE_NUMBER_ID;
  const appId = options.appId ?? SIMULATOR_APP_ID;
  const appSecret = options.appSecret ?? DEVELOPMENT_WEBHOOK_SECRET;
  const appName = options.appName ?? 'Spendline (simulator)';
  let callbackUrl = options.callbackUrl ?? 'http://localhost:3000/whatsapp/webhook/';
  let templates = [...(options.templates ?? SIMULATOR_TEMPLATES)];
  let faults = new Set(options.faults ?? []);

  const currentPhoneId = () =>
    faults.has('wrong-phone-id') ? OTHER_PHONE_NUMBER_ID : phoneNumberId;

  const phoneNumber = (): Json => ({
    verified_name: options.verifiedName ?? 'Spendline',
    code_verification_status: 'VERIFIED',
    display_phone_number: options.displayPhoneNumber ?? '+1 555-010-0001',
    quality_rating: 'GREEN',
    platform_type: 'CLOUD_API',
    throughput: { level: 'STANDARD' },
    id: currentPhoneId(),
  });

  const app = (): Json => ({
    id: appId,
    name: appName,
    link: `https://www.facebook.com/games/?app_id=${appId}`,
  });

  const templateStatus = (
    template: SimulatedTemplate,
  ): Pick<SimulatedTemplate, 'status'> & {
    rejected_reason: string;
  } => {
    if (faults.has('template-rejected'))
      return { status: 'REJECTED', rejected_reason: 'INVALID_FORMAT' };
    if (faults.has('template-pending')) return { status: 'PENDING', rejected_reason: 'NONE' };
    return { status: template.status, rejected_reason: template.rejectedReason ?? 'NONE' };
  };

  const listed = (data: Json[]): Json => ({
    data,
    paging: { cursors: { before: 'QVFIU0JF', after: 'QVFIU0FG' } },
  });

  function answerUserCall(
    id: string,
    edge: string | undefined,
    query: URLSearchParams,
  ): [number, Json] {
    if (id === 'app' && edge === undefined) return [200, app()];
    if (id === currentPhoneId() && edge === undefined) return [200, phoneNumber()];
    if (id !== businessAccountId) return [400, unknownObject(id)];
    switch (edge) {
      case 'phone_numbers':
        return [200, listed([phoneNumber()])];
      case 'subscribed_apps':
        return [
          200,
          { data: faults.has('unsubscribed') ? [] : [{ whatsapp_business_api_data: app() }] },
        ];
      case 'message_templates': {
        const name = query.get('name');
        const matching = templates.filter((t) => !name || t.name.includes(name));
        return [
          200,
          listed(
            matching.map((t, i) => ({
              name: t.name,
              language: t.language,
              category: t.category,
              ...templateStatus(t),
              id: String(200000000000000 + i),
            })),
          ),
        ];
      }
      case undefined:
        return [200, { id: businessAccountId, name: 'Spendline', currency: 'USD' }];
      default:
        return [400, unknownObject(id)];
    }
  }

  // The app's own settings are read with an app token: "<app id>|<app secret>".
  function answerAppCall(token: string | undefined): [number, Json] {
    if (token !== `${appId}|${appSecret}`) {
      return [
        400,
        errorBody({
          message: 'Invalid OAuth access token signature.',
          type: 'OAuthException',
          code: 190,
        }),
      ];
    }
    const fields = faults.has('no-messages-field')
      ? ['message_template_status_update']
      : ['messages', 'message_template_status_update'];
    return [
      200,
      {
        data: [
          {
            object: 'whatsapp_business_account',
            callback_url: callbackUrl,
            active: true,
            fields: fields.map((name) => ({ name, version: SIMULATOR_API_VERSION })),
          },
        ],
      },
    ];
  }

  /** Answers a GET under /<version>/; false when the path is none of the account's. */
  function handle(request: IncomingMessage, response: ServerResponse, url: URL): boolean {
    const route = PATH.exec(url.pathname);
    if (request.method !== 'GET' || !route?.[1]) return false;
    const id = decodeURIComponent(route[1]);
    const edge = route[2];
    if (edge !== undefined && !EDGES.has(edge)) return false;
    const token = tokenOf(request, url.searchParams);
    if (id === appId && edge === 'subscriptions') {
      send(response, ...answerAppCall(token));
    } else if (faults.has('bad-token')) {
      send(response, 401, expiredToken);
    } else if (!authorised(token)) {
      send(response, 401, unparsableToken);
    } else {
      send(response, ...answerUserCall(id, edge, url.searchParams));
    }
    return true;
  }

  const control: SimulatedAccount = {
    businessAccountId,
    phoneNumberId,
    appId,
    get faults() {
      return [...faults];
    },
    setFaults(...next) {
      faults = new Set(next);
    },
    setTemplates(next) {
      templates = [...next];
    },
    setCallbackUrl(url) {
      callbackUrl = url;
    },
  };
  return {
    control,
    handle,
    /** Whether Meta refuses every token now ('bad-token'): sends fail too. */
    refusesTokens: () => faults.has('bad-token'),
    expiredToken,
  };
}
