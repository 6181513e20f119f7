// The checks of Meta's side: the token and the number, the webhook subscription and the
// templates, read from the Graph API (or the local simulator WHATSAPP_API_URL points at).
import type { Config } from '@spendline/config';
import {
  graphErrorMeaning,
  readTemplateStatus,
  type AccountReader,
  type ReadFailure,
  type TemplateStatus,
} from '@spendline/whatsapp';
import { CHECKS, fail, pass, warn, type CheckResult, type Status } from './check.ts';

/** The templates Spendline sends outside the 24-hour window, and how each must be made. */
export const TEMPLATES = [
  {
    // The GraphQL handler's default (DEFAULT_OTP_TEMPLATE); a test keeps the two equal.
    name: 'spendline_otp',
    create:
      'an Authentication template spendline_otp with a copy-code button (Meta words its body: "<code> is your verification code")',
  },
  {
    // NOTICE_TEMPLATE of the outbox; a test keeps the two equal.
    name: 'spendline_notice',
    create: 'a Utility template spendline_notice whose body is "Spendline: {{1}}"',
  },
] as const;

const TOKEN_FIX =
  'Create a permanent system-user token with whatsapp_business_messaging and whatsapp_business_management in Business settings, set it as WHATSAPP_ACCESS_TOKEN and restart the api.';
const WABA_FIX =
  "Set WHATSAPP_BUSINESS_ACCOUNT_ID (WhatsApp Manager, or the app's WhatsApp > API Setup) so doctor can check the webhook subscription and the templates.";

export interface WhatsAppChecks {
  number: CheckResult;
  webhooks: CheckResult;
  templates: CheckResult;
}

/** Thrown by the number check: the checks after it cannot run on a refused token. */
class TokenRefused extends Error {
  readonly result: CheckResult;

  constructor(result: CheckResult) {
    super(result.detail);
    this.result = result;
  }
}

function refusedToken(failure: ReadFailure): boolean {
  return failure.code === 190 || failure.code === 0 || failure.status === 401;
}

/** A failed read in words: what Graph said, with its code. */
function said(failure: ReadFailure): string {
  const code =
    failure.code === undefined
      ? ''
      : ` (${failure.code}${failure.subcode ? `/${failure.subcode}` : ''})`;
  return `${failure.reason}${code}`;
}

function otherFailure(
  check: string,
  what: string,
  failure: ReadFailure,
  config: Config,
): CheckResult {
  if (failure.status === undefined) {
    return fail(
      check,
      `the Graph API at ${new URL(config.WHATSAPP_API_URL).origin} did not answer: ${failure.reason}`,
      'Check WHATSAPP_API_URL (Meta: https://graph.facebook.com/v26.0) and that this machine reaches it over HTTPS.',
    );
  }
  const meaning = failure.code === undefined ? undefined : graphErrorMeaning(failure.code);
  return fail(
    check,
    `${what}: Meta answered ${failure.status}, ${said(failure)}`,
    meaning?.fix ?? "Check Meta's WhatsApp Business Platform status page, then run doctor again.",
  );
}

async function checkNumber(
  config: Config,
  reader: AccountReader,
  phoneNumberId: string,
): Promise<CheckResult> {
  const check = CHECKS.number;
  const phone = await reader.phoneNumber(phoneNumberId);
  if (!phone.ok) {
    if (refusedToken(phone)) {
      throw new TokenRefused(
        fail(check, `Meta refused WHATSAPP_ACCESS_TOKEN: ${said(phone)}`, TOKEN_FIX),
      );
    }
    if (phone.code === 100) {
      return fail(
        check,
        `Meta knows no phone number with id ${phoneNumberId} that this token may see: ${said(phone)}`,
        "Set WHATSAPP_PHONE_NUMBER_ID to the number's Phone number ID (WhatsApp Manager > Phone numbers, not the number itself), and give the token's system user the WhatsApp account.",
      );
    }
    return otherFailure(check, `GET /${phoneNumberId}`, phone, config);
  }
  const number = phone.value;
  const name = `${number.displayPhoneNumber} (${number.verifiedName}, id ${number.id})`;
  const waba = config.WHATSAPP_BUSINESS_ACCOUNT_ID;
  let owner = 'its business account not checked (WHATSAPP_BUSINESS_ACCOUNT_ID is not set)';
  if (waba) {
    const numbers = await reader.phoneNumbers(waba);
    if (!numbers.ok) {
      if (numbers.code === 100) {
        return fail(
          check,
          `${name} answers, but Meta knows no business account ${waba} that this token may see: ${said(numbers)}`,
          'Set WHATSAPP_BUSINESS_ACCOUNT_ID to the WhatsApp Business Account ID shown in WhatsApp Manager.',
        );
      }
      return otherFailure(check, `GET /${waba}/phone_numbers`, numbers, config);
    }
    if (!numbers.value.some((n) => n.id === number.id)) {
      const theirs =
        numbers.value.map((n) => `${n.displayPhoneNumber} (id ${n.id})`).join(', ') || 'none';
      return fail(
        check,
        `${name} is not a number of business account ${waba}, whose numbers are: ${theirs}`,
        'Set WHATSAPP_BUSINESS_ACCOUNT_ID to the account that owns the number, or WHATSAPP_PHONE_NUMBER_ID to one of its numbers.',
      );
    }
    owner = `in business account ${waba}`;
  }
  const quality = number.qualityRating ?? 'unknown';
  if (quality === 'RED') {
    return warn(
      check,
      `the token works and ${name} is ${owner}, but its quality rating is RED: Meta may limit what it sends`,
      'See Insights in WhatsApp Manager; fewer unasked-for messages (digests, reminders) raise it.',
    );
  }
  return pass(check, `the token works; ${name}, quality ${quality}, ${owner}`);
}

/** The app's WhatsApp webhook: subscribed to the account, to the messages field, calling us. */
async function checkWebhooks(
  config: Config,
  reader: AccountReader,
  waba: string,
): Promise<CheckResult> {
  const check = CHECKS.webhooks;
  const subscribeFix = `Subscribe the app to the account: curl -X POST -H "Authorization: Bearer $WHATSAPP_ACCESS_TOKEN" ${config.WHATSAPP_API_URL}/${waba}/subscribed_apps`;
  const apps = await reader.subscribedApps(waba);
  if (!apps.ok) return otherFailure(check, `GET /${waba}/subscribed_apps`, apps, config);
  if (apps.value.length === 0) {
    return fail(
      check,
      `no app is subscribed to business account ${waba}: Meta sends its messages nowhere`,
      subscribeFix,
    );
  }
  const names = apps.value.map((a) => `${a.name} (${a.id})`).join(', ');
  const app = await reader.app();
  if (!app.ok) {
    return warn(
      check,
      `business account ${waba} sends its webhooks to ${names}; which app the token belongs to could not be read: ${said(app)}`,
      'Make sure one of them is the app whose secret is WEBHOOK_SECRET.',
    );
  }
  const ours = `${app.value.name} (${app.value.id})`;
  if (!apps.value.some((a) => a.id === app.value.id)) {
    return fail(
      check,
      `business account ${waba} sends its webhooks to ${names}, not to this token's app ${ours}`,
      subscribeFix,
    );
  }
  const webhooks = await reader.appWebhooks(app.value.id, config.WEBHOOK_SECRET);
  if (!webhooks.ok) {
    if (refusedToken(webhooks)) {
      return fail(
        check,
        `Meta refused ${ours}'s id with WEBHOOK_SECRET as its secret: WEBHOOK_SECRET is not this app's secret, so the api refuses every webhook Meta signs (401)`,
        'Copy the App secret (App settings > Basic) into WEBHOOK_SECRET and restart the api.',
      );
    }
    return otherFailure(check, `GET /${app.value.id}/subscriptions`, webhooks, config);
  }
  const expected = new URL('/whatsapp/webhook/', config.PUBLIC_URL).href;
  const setUp = `In the app's dashboard, WhatsApp > Configuration: callback URL ${expected}, verify token WHATSAPP_VERIFY_TOKEN, and subscribe the messages field.`;
  const whatsapp = webhooks.value.find((w) => w.object === 'whatsapp_business_account');
  if (!whatsapp?.active) {
    return fail(check, `${ours} has no active webhook for WhatsApp business accounts`, setUp);
  }
  if (!whatsapp.fields.includes('messages')) {
    return fail(
      check,
      `${ours}'s webhook is not subscribed to the messages field (it has: ${whatsapp.fields.join(', ') || 'none'}): no message reaches Spendline`,
      setUp,
    );
  }
  const same = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
  if (!same(whatsapp.callbackUrl, expected)) {
    return warn(
      check,
      `${ours} is subscribed to the messages field, but Meta calls ${whatsapp.callbackUrl}, not ${expected} (PUBLIC_URL)`,
      `Set the callback URL to ${expected} (WhatsApp > Configuration), or correct PUBLIC_URL.`,
    );
  }
  return pass(
    check,
    `${ours} is subscribed to business account ${waba}, field messages, callback ${whatsapp.callbackUrl}`,
  );
}

/** Each template approved, in every language the linked users' locales need. */
async function checkTemplates(
  config: Config,
  reader: AccountReader,
  waba: string,
  localesInUse: readonly string[],
): Promise<CheckResult> {
  const check = CHECKS.templates;
  const read = await readTemplateStatus(
    reader,
    waba,
    TEMPLATES.map((t) => t.name),
    localesInUse,
  );
  if (!read.ok) return otherFailure(check, `GET /${waba}/message_templates`, read, config);
  let status: Status = 'PASS';
  const found: string[] = [];
  const fixes: string[] = [];
  const worsen = (to: Status) => {
    if (to === 'FAIL' || (to === 'WARN' && status === 'PASS')) status = to;
  };
  for (const [index, template] of TEMPLATES.entries()) {
    const { approval, languages, missing } = read.value[index] as TemplateStatus;
    const versions = languages.filter((l) => l.metaStatus !== null);
    const approved = versions.filter((l) => l.approval === 'APPROVED').map((l) => l.language);
    const others = versions
      .filter((l) => l.approval !== 'APPROVED')
      .map(
        (l) => `${l.metaStatus}${l.rejectedReason ? ` ${l.rejectedReason}` : ''} in ${l.language}`,
      );
    if (versions.length === 0) {
      worsen('FAIL');
      found.push(`${template.name} does not exist`);
      fixes.push(`Create ${template.create} in WhatsApp Manager and submit it for review.`);
      continue;
    }
    if (approved.length === 0) {
      const waiting = approval === 'PENDING';
      worsen(waiting ? 'WARN' : 'FAIL');
      found.push(`${template.name} is not approved (${others.join(', ')})`);
      fixes.push(
        waiting
          ? `Wait for Meta's review of ${template.name}; messages outside the 24-hour window fail until then.`
          : `Edit ${template.name} in WhatsApp Manager as ${template.create}, and submit it again.`,
      );
      continue;
    }
    found.push(
      `${template.name} approved in ${approved.join(', ')}${others.length ? ` (also ${others.join(', ')})` : ''}` +
        (missing.length ? `, but linked users need ${missing.join(', ')}` : ''),
    );
    if (missing.length > 0) {
      worsen('WARN');
      fixes.push(
        `Add ${template.name} in ${missing.join(', ')}: outside the 24-hour window those users get error 132001.`,
      );
    }
  }
  const detail = found.join('; ');
  if (status === 'PASS') return pass(check, detail);
  return status === 'WARN'
    ? warn(check, detail, fixes.join(' '))
    : fail(check, detail, fixes.join(' '));
}

/**
 * The three checks of Meta's side. In sandbox mode (no access token) there is nothing to
 * check; once the token is refused the others cannot run.
 */
export async function checkWhatsApp(
  config: Config,
  reader: AccountReader | undefined,
  localesInUse: readonly string[],
): Promise<WhatsAppChecks> {
  if (!reader) {
    const detail = 'sandbox: not checked (no WHATSAPP_ACCESS_TOKEN, so nothing is sent to Meta)';
    const fix =
      'To go live, set WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_BUSINESS_ACCOUNT_ID (docs/meta-setup.md).';
    return {
      number: warn(CHECKS.number, detail, fix),
      webhooks: warn(CHECKS.webhooks, detail, fix),
      templates: warn(CHECKS.templates, detail, fix),
    };
  }
  const phoneNumberId = config.WHATSAPP_PHONE_NUMBER_ID;
  let number: CheckResult;
  try {
    number = phoneNumberId
      ? await checkNumber(config, reader, phoneNumberId)
      : fail(
          CHECKS.number,
          'WHATSAPP_ACCESS_TOKEN is set but WHATSAPP_PHONE_NUMBER_ID is not: replies cannot be sent',
          "Set WHATSAPP_PHONE_NUMBER_ID to the number's Phone number ID (WhatsApp Manager > Phone numbers).",
        );
  } catch (error) {
    if (!(error instanceof TokenRefused)) throw error;
    const detail = 'not checked: Meta refused the access token';
    return {
      number: error.result,
      webhooks: warn(CHECKS.webhooks, detail, TOKEN_FIX),
      templates: warn(CHECKS.templates, detail, TOKEN_FIX),
    };
  }
  const waba = config.WHATSAPP_BUSINESS_ACCOUNT_ID;
  if (!waba) {
    const detail = 'not checked: WHATSAPP_BUSINESS_ACCOUNT_ID is not set';
    return {
      number,
      webhooks: warn(CHECKS.webhooks, detail, WABA_FIX),
      templates: warn(CHECKS.templates, detail, WABA_FIX),
    };
  }
  const [webhooks, templates] = await Promise.all([
    checkWebhooks(config, reader, waba),
    checkTemplates(config, reader, waba, localesInUse),
  ]);
  return { number, webhooks, templates };
}
