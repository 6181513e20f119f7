// What Meta's error codes mean for a Spendline deployment, and what an operator does about
// each: for `npm run admin -- doctor`, which groups the outbox's failures by code. Codes
// from Meta's WhatsApp Cloud API error reference; the fixes name Spendline's settings.

export interface GraphErrorMeaning {
  /** What happened, in a few words. */
  meaning: string;
  /** What to do about it, in a line. */
  fix: string;
}

const RETRIED = 'Nothing to do: replies are retried with backoff.';
const PERMISSIONS =
  'Give the system user whatsapp_business_messaging and whatsapp_business_management, assign it the WhatsApp account, and set the new token as WHATSAPP_ACCESS_TOKEN.';
const REPORT = 'A message Spendline built was refused: report it with the outbox row (last_error).';
const TEMPLATES =
  'Check spendline_otp and spendline_notice in WhatsApp Manager (npm run admin -- doctor lists their status).';

const MEANINGS: Record<number, GraphErrorMeaning> = {
  0: { meaning: 'Meta could not authenticate the access token', fix: PERMISSIONS },
  1: {
    meaning: 'unknown Graph API error (a malformed request or a Meta outage)',
    fix: "Check Meta's WhatsApp Business Platform status page; replies are retried.",
  },
  2: { meaning: 'the Graph API is temporarily unavailable', fix: RETRIED },
  3: { meaning: 'the app lacks a capability or permission for this call', fix: PERMISSIONS },
  4: { meaning: 'too many calls from the app (app rate limit)', fix: RETRIED },
  10: { meaning: 'a permission was not granted or was removed', fix: PERMISSIONS },
  100: {
    meaning: 'an invalid parameter: Meta refused an id or a field of the request',
    fix: 'Check WHATSAPP_PHONE_NUMBER_ID (npm run admin -- doctor checks it); if it is right, report the refused message with its outbox row (last_error).',
  },
  190: {
    meaning: 'the access token expired or was revoked',
    fix: 'Create a permanent system-user token, set it as WHATSAPP_ACCESS_TOKEN and restart the api.',
  },
  200: { meaning: 'an API permission is missing', fix: PERMISSIONS },
  368: {
    meaning: 'the business account is blocked for a while for a policy violation',
    fix: 'Read the notice under Account quality in WhatsApp Manager and appeal or fix its cause.',
  },
  80007: {
    meaning: 'the business account hit its rate limit for management calls',
    fix: 'Wait an hour; nothing in Spendline makes such calls in a loop.',
  },
  130429: {
    meaning: "the number's message throughput was reached (80 messages/s by default)",
    fix: `${RETRIED} If it recurs, lower WHATSAPP_MESSAGES_PER_SECOND.`,
  },
  131000: { meaning: 'something went wrong at Meta', fix: RETRIED },
  131005: { meaning: 'access denied: the token may not use this number', fix: PERMISSIONS },
  131008: { meaning: 'a required parameter is missing', fix: REPORT },
  131009: { meaning: 'a parameter value is not valid', fix: REPORT },
  131016: { meaning: 'the service is temporarily unavailable', fix: RETRIED },
  131021: {
    meaning: 'the recipient is the business number itself',
    fix: "Unlink the business number from the account that linked it as a user's number.",
  },
  131026: {
    meaning:
      "undeliverable: the number is not on WhatsApp, its app is too old, or its owner has not accepted Meta's terms",
    fix: 'Ask the person to check the number linked on the dashboard and to update WhatsApp.',
  },
  131031: {
    meaning: 'the business account is locked (a policy violation or a wrong two-step PIN)',
    fix: 'See WhatsApp Manager; register the number again with its two-step verification PIN.',
  },
  131037: {
    meaning: "the number's display name is not approved yet",
    fix: 'Get the display name approved in WhatsApp Manager (Phone numbers).',
  },
  131042: {
    meaning: 'a payment problem on the business account',
    fix: 'Add or fix the payment method in WhatsApp Manager (Billing and payments).',
  },
  131045: {
    meaning: 'the phone number is not registered (wrong certificate)',
    fix: 'Register the number: POST /<WHATSAPP_PHONE_NUMBER_ID>/register with its two-step PIN.',
  },
  131047: {
    meaning:
      'more than 24 hours since the person last wrote: only an approved template may be sent',
    fix: "Get spendline_notice approved; the person's next message reopens the window.",
  },
  131048: {
    meaning: 'spam rate limit: too many messages from this number were blocked or reported',
    fix: 'Check the quality rating in WhatsApp Manager; send fewer unasked-for messages (digests, reminders).',
  },
  131049: {
    meaning: 'Meta chose not to deliver it, to limit what one person receives',
    fix: 'Nothing to do: Meta may deliver later messages.',
  },
  131050: {
    meaning: 'the person stopped marketing messages from this business',
    fix: 'Nothing to do.',
  },
  131051: { meaning: 'an unsupported message type', fix: REPORT },
  131052: {
    meaning: "the person's media could not be downloaded",
    fix: 'Ask them to send it again.',
  },
  131053: { meaning: 'media could not be uploaded', fix: REPORT },
  131056: {
    meaning: 'too many messages to the same person in a short time (pair rate limit)',
    fix: RETRIED,
  },
  131057: { meaning: "the number's throughput is being upgraded", fix: RETRIED },
  131062: {
    meaning: 'this message cannot be sent to a username-only user (business-scoped id)',
    fix: 'Nothing to do until the person shares their number; they can still write first.',
  },
  132000: {
    meaning: "the template's parameters do not match the approved template",
    fix: 'spendline_notice takes one body parameter ({{1}}) and spendline_otp the code: edit the template to match.',
  },
  132001: {
    meaning: 'the template does not exist in that language, or is not approved',
    fix: TEMPLATES,
  },
  132005: { meaning: 'the template text is too long once filled in', fix: REPORT },
  132007: { meaning: "the template's content breaks a WhatsApp policy", fix: TEMPLATES },
  132012: { meaning: "a template parameter's format does not match", fix: TEMPLATES },
  132015: { meaning: 'the template is paused for low quality', fix: TEMPLATES },
  132016: { meaning: 'the template is disabled for low quality', fix: TEMPLATES },
  133010: {
    meaning: 'the phone number is not registered with the Cloud API',
    fix: 'Register the number: POST /<WHATSAPP_PHONE_NUMBER_ID>/register with its two-step PIN.',
  },
  135000: { meaning: 'a generic user error at Meta', fix: REPORT },
};

/**
 * What a Graph error code means and its fix; undefined for a code not listed here.
 * Codes 200 to 299 are all permission errors.
 */
export function graphErrorMeaning(code: number): GraphErrorMeaning | undefined {
  return MEANINGS[code] ?? (code > 200 && code < 300 ? MEANINGS[200] : undefined);
}

/**
 * Whether the code means no message can go out until an operator acts on the account (the
 * token, permissions, a block, billing, registration), rather than one message failing.
 */
export function blocksAllSends(code: number): boolean {
  return (
    [0, 3, 10, 190, 368, 131005, 131031, 131042, 131045, 133010].includes(code) ||
    (code >= 200 && code < 300)
  );
}
