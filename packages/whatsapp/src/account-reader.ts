// Reads how the business account is set up on Meta's side: the phone number, the apps
// subscribed to its webhooks, the app's webhook fields and the message templates. Used by
// `npm run admin -- doctor`; nothing here changes anything at Meta.
import { z } from 'zod';

export interface ReadFailure {
  ok: false;
  /** HTTP status, when Graph answered. */
  status?: number;
  /** Graph's error code (190: the token, 100: a parameter or an id), when it gave one. */
  code?: number;
  subcode?: number;
  /** Graph's message (never the token), or what went wrong on the way. */
  reason: string;
}

export type Read<T> = { ok: true; value: T } | ReadFailure;

export interface BusinessPhoneNumber {
  id: string;
  displayPhoneNumber: string;
  verifiedName: string;
  /** GREEN, YELLOW, RED or NA. */
  qualityRating?: string;
}

export interface MetaApp {
  id: string;
  name: string;
}

export interface AppWebhook {
  /** whatsapp_business_account for WhatsApp's webhooks. */
  object: string;
  callbackUrl: string;
  active: boolean;
  fields: string[];
}

export interface MessageTemplate {
  name: string;
  language: string;
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED... */
  status: string;
  category?: string;
  /** Meta's reason for a rejection (NONE when there is none). */
  rejectedReason?: string;
}

export interface AccountReader {
  /** GET /{phone-number-id}: the number, if the token may see it. */
  phoneNumber(phoneNumberId: string): Promise<Read<BusinessPhoneNumber>>;
  /** GET /{waba-id}/phone_numbers. */
  phoneNumbers(businessAccountId: string): Promise<Read<BusinessPhoneNumber[]>>;
  /** GET /{waba-id}/subscribed_apps: the apps Meta sends the account's webhooks to. */
  subscribedApps(businessAccountId: string): Promise<Read<MetaApp[]>>;
  /** GET /app: the app the access token belongs to. */
  app(): Promise<Read<MetaApp>>;
  /** GET /{app-id}/subscriptions with the app token (app id and secret): its webhooks. */
  appWebhooks(appId: string, appSecret: string): Promise<Read<AppWebhook[]>>;
  /** GET /{waba-id}/message_templates?name=...: every language of templates of that name. */
  templates(businessAccountId: string, name: string): Promise<Read<MessageTemplate[]>>;
}

export interface AccountReaderOptions {
  /** Graph base URL with the version (WHATSAPP_API_URL). */
  apiUrl: string;
  accessToken: string;
  /** For each request, from sending to the last byte. Default 10 s. */
  timeoutMs?: number;
}

const graphError = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    error_data: z.object({ details: z.string().optional() }).optional(),
  }),
});

const phoneNumber = z
  .object({
    id: z.string(),
    display_phone_number: z.string(),
    verified_name: z.string(),
    quality_rating: z.string().optional(),
  })
  .transform((p): BusinessPhoneNumber => ({
    id: p.id,
    displayPhoneNumber: p.display_phone_number,
    verifiedName: p.verified_name,
    ...(p.quality_rating ? { qualityRating: p.quality_rating } : {}),
  }));

const app = z.object({ id: z.string(), name: z.string() });

const subscribedApps = z
  .object({ data: z.array(z.object({ whatsapp_business_api_data: app })) })
  .transform((r) => r.data.map((entry) => entry.whatsapp_business_api_data));

const appWebhooks = z
  .object({
    data: z.array(
      z.object({
        object: z.string(),
        callback_url: z.string(),
        active: z.boolean(),
        fields: z.array(z.object({ name: z.string() })),
      }),
    ),
  })
  .transform((r) =>
    r.data.map((s): AppWebhook => ({
      object: s.object,
      callbackUrl: s.callback_url,
      active: s.active,
      fields: s.fields.map((field) => field.name),
    })),
  );

const templates = z
  .object({
    data: z.array(
      z.object({
        name: z.string(),
        language: z.string(),
        status: z.string(),
        category: z.string().optional(),
        rejected_reason: z.string().optional(),
      }),
    ),
  })
  .transform((r) =>
    r.data.map((t): MessageTemplate => ({
      name: t.name,
      language: t.language,
      status: t.status,
      ...(t.category ? { category: t.category } : {}),
      ...(t.rejected_reason ? { rejectedReason: t.rejected_reason } : {}),
    })),
  );

/** A reader of the account's setup over Graph's management endpoints. */
export function createAccountReader({
  apiUrl,
  accessToken,
  timeoutMs = 10_000,
}: AccountReaderOptions): AccountReader {
  const base = apiUrl.replace(/\/+$/, '');
  const secrets: string[] = [accessToken];
  const scrub = (text: string) =>
    secrets.reduce(
      (clean, secret) => (secret ? clean.replaceAll(secret, '[secret]') : clean),
      text,
    );

  async function get<T>(
    path: string,
    schema: z.ZodType<T>,
    token = accessToken,
    query: Record<string, string> = {},
  ): Promise<Read<T>> {
    const url = new URL(`${base}/${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    let status: number;
    let json: unknown;
    try {
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      json = await response.json().catch(() => undefined);
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'TimeoutError') return { ok: false, reason: `no answer within ${timeoutMs} ms` };
      const cause = (error as { cause?: { message?: unknown } } | null)?.cause?.message;
      const detail = typeof cause === 'string' ? cause : String(error);
      return { ok: false, reason: scrub(`no connection to ${url.origin}: ${detail}`) };
    }
    const failed = graphError.safeParse(json);
    if (status < 200 || status >= 300 || failed.success) {
      const error = failed.success ? failed.data.error : undefined;
      const parts = [error?.message, error?.error_data?.details].filter(Boolean);
      const failure: ReadFailure = {
        ok: false,
        status,
        reason: scrub(parts.join(': ') || `HTTP ${status} without a Graph error`),
      };
      if (error?.code !== undefined) failure.code = error.code;
      if (error?.error_subcode !== undefined) failure.subcode = error.error_subcode;
      return failure;
    }
    const value = schema.safeParse(json);
    if (!value.success) {
      return { ok: false, status, reason: `unexpected answer from ${url.pathname}` };
    }
    return { ok: true, value: value.data };
  }

  const id = encodeURIComponent;
  return {
    phoneNumber: (phoneNumberId) =>
      get(id(phoneNumberId), phoneNumber, accessToken, {
        fields: 'id,display_phone_number,verified_name,quality_rating',
      }),
    phoneNumbers: (businessAccountId) =>
      get(
        `${id(businessAccountId)}/phone_numbers`,
        z.object({ data: z.array(phoneNumber) }).transform((r) => r.data),
        accessToken,
        { limit: '100' },
      ),
    subscribedApps: (businessAccountId) =>
      get(`${id(businessAccountId)}/subscribed_apps`, subscribedApps),
    app: () => get('app', app),
    appWebhooks(appId, appSecret) {
      secrets.push(appSecret);
      return get(`${id(appId)}/subscriptions`, appWebhooks, `${appId}|${appSecret}`);
    },
    templates: (businessAccountId, name) =>
      get(`${id(businessAccountId)}/message_templates`, templates, accessToken, {
        name,
        fields: 'name,language,status,category,rejected_reason',
        limit: '100',
      }),
  };
}
