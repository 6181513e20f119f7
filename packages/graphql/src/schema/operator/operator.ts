import { builder } from '../builder.ts';
import {
  OUTBOX_DAYS,
  readOperatorStatus,
  type FailureGroup,
  type InboxHealth,
  type OperatorStatus,
  type OutboxHealth,
  type SchedulerRound,
  type WebhookHealth,
} from './operator-status.ts';
import { templateSummary } from './template-summary.ts';
import type { TemplateReport } from './template-status.ts';
import type { TemplateLanguageStatus, TemplateStatus } from '@spendline/whatsapp';

// The operator page: how the deployment is doing, for operators only (the first account,
// and those `npm run admin -- grant-operator` names).

/** Whole seconds from `from` to `to`, or null without a `from`. */
const secondsSince = (from: Date | null, to: Date) =>
  from === null ? null : Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));

builder.prismaObjectField('User', 'isOperator', (t) =>
  t.exposeBoolean('isOperator', {
    description: 'Whether operatorStatus (the operator page) is open to this account.',
  }),
);

const WebhookHealthRef = builder.objectRef<WebhookHealth>('OperatorWebhook').implement({
  description: 'What the WhatsApp webhook answered, on every replica.',
  fields: (t) => ({
    lastReceivedAt: t.expose('lastReceivedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'The last POST with a valid signature (null: none yet).',
    }),
    signatureFailures: t.exposeInt('signatureFailures', {
      description: 'POSTs refused for a missing or wrong signature, ever.',
    }),
    firstSignatureFailureAt: t.expose('firstSignatureFailureAt', {
      type: 'DateTime',
      nullable: true,
    }),
    lastSignatureFailureAt: t.expose('lastSignatureFailureAt', {
      type: 'DateTime',
      nullable: true,
    }),
  }),
});

const InboxHealthRef = builder
  .objectRef<InboxHealth & { checkedAt: Date }>('OperatorInbox')
  .implement({
    description: 'Messages received from WhatsApp and their processing.',
    fields: (t) => ({
      waiting: t.exposeInt('waiting', { description: 'Stored, not processed yet.' }),
      oldestWaitingAt: t.expose('oldestWaitingAt', { type: 'DateTime', nullable: true }),
      oldestWaitingSeconds: t.int({
        nullable: true,
        description: 'How long the oldest waiting message has waited.',
        resolve: (inbox) => secondsSince(inbox.oldestWaitingAt, inbox.checkedAt),
      }),
      failedLastDay: t.exposeInt('failedLastDay', {
        description: 'Received in the last 24 hours and given up on after retries.',
      }),
      processedLastHour: t.exposeInt('processedLastHour', {
        description: 'Received in the last hour and processed.',
      }),
      medianMs: t.exposeInt('medianMs', {
        nullable: true,
        description: 'Median time from arrival to processed, over processedLastHour.',
      }),
      p95Ms: t.exposeInt('p95Ms', {
        nullable: true,
        description: '95th percentile of the same (null: nothing processed in the hour).',
      }),
    }),
  });

const FailureGroupRef = builder.objectRef<FailureGroup>('OperatorOutboxFailure').implement({
  description: 'Failed sends with one Meta error code, with what it means and what to do.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: "Meta's error code, 'HTTP <status>' without one, or 'network'.",
    }),
    count: t.exposeInt('count'),
    lastAt: t.expose('lastAt', { type: 'DateTime' }),
    meaning: t.exposeString('meaning'),
    fix: t.exposeString('fix'),
    blocksAllSends: t.exposeBoolean('blocksAllSends', {
      description: 'Nothing goes out until the account is fixed (token, permissions, billing).',
    }),
  }),
});

const OutboxHealthRef = builder
  .objectRef<OutboxHealth & { checkedAt: Date }>('OperatorOutbox')
  .implement({
    description: `Replies and notices to WhatsApp; sent, retried and failed over ${OUTBOX_DAYS} days.`,
    fields: (t) => ({
      pending: t.exposeInt('pending', { description: 'Waiting to be sent or being sent.' }),
      oldestPendingSeconds: t.int({
        nullable: true,
        resolve: (outbox) => secondsSince(outbox.oldestPendingAt, outbox.checkedAt),
      }),
      retried: t.exposeInt('retried', { description: 'Needed more than one attempt.' }),
      sent: t.exposeInt('sent'),
      failed: t.exposeInt('failed'),
      days: t.int({ resolve: () => OUTBOX_DAYS }),
      failures: t.field({
        type: [FailureGroupRef],
        description: 'Account-wide problems first, then the most frequent.',
        resolve: (outbox) => outbox.failures,
      }),
    }),
  });

const SchedulerRoundRef = builder.objectRef<SchedulerRound>('OperatorSchedulerRound').implement({
  description: "A scheduled job's latest round, whichever replica ran it.",
  fields: (t) => ({
    job: t.exposeString('job'),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime' }),
    done: t.exposeInt('done'),
    failed: t.exposeInt('failed'),
    error: t.exposeString('error', { nullable: true, description: 'Why the round stopped short.' }),
  }),
});

const TemplateApprovalRef = builder.enumType('TemplateApproval', {
  description: 'Whether Meta sends a message template: only APPROVED ones are sent.',
  values: {
    APPROVED: { description: 'Meta sends it.' },
    PENDING: { description: "Waiting for Meta's review." },
    REJECTED: { description: 'Rejected, paused or disabled: it needs an edit.' },
    MISSING: {
      description: 'Meta has no version of it, or none approved in a language linked users need.',
    },
  } as const,
});

const TemplateLanguageRef = builder
  .objectRef<TemplateLanguageStatus>('OperatorTemplateLanguage')
  .implement({
    fields: (t) => ({
      language: t.exposeString('language', { description: "Meta's code: en, pt_BR..." }),
      approval: t.field({ type: TemplateApprovalRef, resolve: (l) => l.approval }),
      needed: t.exposeBoolean('needed', {
        description: 'A user with a linked number has a locale in this language.',
      }),
      metaStatus: t.exposeString('metaStatus', {
        nullable: true,
        description: "Meta's own word (APPROVED, PAUSED, IN_APPEAL...); null when Meta lacks it.",
      }),
      rejectedReason: t.exposeString('rejectedReason', { nullable: true }),
    }),
  });

const TemplateRef = builder.objectRef<TemplateStatus>('OperatorTemplate').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    approval: t.field({ type: TemplateApprovalRef, resolve: (s) => s.approval }),
    languages: t.field({
      type: [TemplateLanguageRef],
      description: "Meta's versions, then the languages linked users need that Meta lacks.",
      resolve: (s) => s.languages,
    }),
  }),
});

const TemplateCheckRef = builder.enumType('OperatorTemplateCheck', {
  values: {
    CHECKED: { description: 'Meta answered.' },
    SANDBOX: { description: 'No Meta account: the api sends nothing to Meta.' },
    FAILED: { description: 'Meta could not be asked, or refused.' },
  } as const,
});

const TemplatesRef = builder.objectRef<TemplateReport>('OperatorTemplates').implement({
  description: 'The message templates sent outside the 24-hour window, as Meta has them.',
  fields: (t) => ({
    check: t.field({
      type: TemplateCheckRef,
      resolve: (r) =>
        r.kind === 'checked' ? 'CHECKED' : r.kind === 'sandbox' ? 'SANDBOX' : 'FAILED',
    }),
    allApproved: t.boolean({
      description: 'Meta answered and sends every template in every language needed.',
      resolve: (r) => r.kind === 'checked' && r.templates.every((s) => s.approval === 'APPROVED'),
    }),
    summary: t.string({ description: 'The answer in plain words.', resolve: templateSummary }),
    askedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When Meta was asked: answers are kept for 5 minutes.',
      resolve: (r) => (r.kind === 'sandbox' ? null : r.askedAt),
    }),
    templates: t.field({
      type: [TemplateRef],
      resolve: (r) => (r.kind === 'checked' ? r.templates : []),
    }),
  }),
});

const OperatorStatusWithTemplatesRef = builder
  .objectRef<OperatorStatus & { templates: TemplateReport }>('OperatorStatus')
  .implement({
    fields: (t) => ({
      checkedAt: t.expose('checkedAt', { type: 'DateTime' }),
      webhook: t.field({ type: WebhookHealthRef, resolve: (s) => s.webhook }),
      inbox: t.field({
        type: InboxHealthRef,
        resolve: (s) => ({ ...s.inbox, checkedAt: s.checkedAt }),
      }),
      outbox: t.field({
        type: OutboxHealthRef,
        resolve: (s) => ({ ...s.outbox, checkedAt: s.checkedAt }),
      }),
      sandbox: t.boolean({
        description:
          'The api runs without a Meta account: messages come from the dashboard’s chat, not from Meta.',
        resolve: (s) => s.templates.kind === 'sandbox',
      }),
      templates: t.field({ type: TemplatesRef, resolve: (s) => s.templates }),
      scheduler: t.field({
        type: [SchedulerRoundRef],
        description: 'Each job’s latest round, the most recent first.',
        resolve: (s) => s.scheduler,
      }),
      activeConversations: t.exposeInt('activeConversations', {
        description: "WhatsApp chats that wrote in the last 24 hours (Meta's service window).",
      }),
    }),
  });

builder.queryField('operatorStatus', (t) =>
  t.field({
    type: OperatorStatusWithTemplatesRef,
    // Refused as any denied field is: "Sign in first." to a stranger, "Not authorized."
    // to an account that is not an operator.
    authScopes: (_root, _args, context) => context.viewer?.user.isOperator === true,
    description: "The deployment's health: the operator page. Operators only.",
    resolve: async (_root, _args, context) => {
      const [status, templates] = await Promise.all([
        readOperatorStatus(context.sql, context.now()),
        context.templateStatus(),
      ]);
      return { ...status, templates };
    },
  }),
);
