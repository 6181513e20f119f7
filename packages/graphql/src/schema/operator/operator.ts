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

const TEMPLATES_UNKNOWN =
  'Unknown here: run npm run admin -- doctor, whose whatsapp-templates check asks Meta whether spendline_otp and spendline_notice are approved.';

const OperatorStatusRef = builder.objectRef<OperatorStatus>('OperatorStatus').implement({
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
    templates: t.string({
      description: "The message templates' approval at Meta, which only the doctor asks for.",
      resolve: () => TEMPLATES_UNKNOWN,
    }),
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
    type: OperatorStatusRef,
    // Refused as any denied field is: "Sign in first." to a stranger, "Not authorized."
    // to an account that is not an operator.
    authScopes: (_root, _args, context) => context.viewer?.user.isOperator === true,
    description: "The deployment's health: the operator page. Operators only.",
    resolve: (_root, _args, context) => readOperatorStatus(context.sql, context.now()),
  }),
);
