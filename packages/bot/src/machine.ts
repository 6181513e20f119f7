import { assertEvent, assign, emit, enqueueActions, raise, setup } from 'xstate';
import { resolveQuestion } from '@spendline/parser';
import { askedByCommand, narrowed } from './asked.ts';
import {
  type BotContext,
  type BotEvent,
  type CategoryChoice,
  type Concern,
  type DraftExpense,
  type Effect,
  type Question,
} from './types.ts';

/** Bump when a change makes older snapshots unsafe to restore (see snapshot.ts). */
export const MACHINE_VERSION = 1;

export const DEFAULT_QUESTION_TTL_MS = 10 * 60_000;

type MachineInput = { questionTtlMs?: number } | undefined;

// Income needs no category: nothing is budgeted or charted by it.
const ready = (expense: DraftExpense) =>
  (expense.category !== null || expense.kind === 'INCOME') && expense.concerns.length === 0;

const savedRecord = (expenses: DraftExpense[]): BotContext['lastSaved'] =>
  expenses.length === 0
    ? null
    : { messageId: expenses[0]!.messageId, expenseIds: expenses.map((e) => e.id) };

/**
 * Certain in all but its category, and saying what it was for: when its question expires
 * it is saved in the catch-all category (or none) rather than lost, as the amount and the
 * day are what matter. A bare amount says too little to keep unasked.
 */
const onlyCategoryMissing = (expense: DraftExpense) =>
  expense.category === null &&
  expense.kind !== 'INCOME' &&
  expense.concerns.length === 0 &&
  expense.note.trim() !== '';

/** What to ask about a waiting expense next: its amount, Save/Change/Cancel, a category, a Yes/No. */
function questionKind(expense: DraftExpense): Question['kind'] {
  if (expense.concerns.includes('amount')) return 'amount';
  if (expense.concerns.includes('review')) return 'review';
  return expense.category === null ? 'category' : 'confirm';
}

/** Change: the amount is asked again, then the category (income has none to choose). */
const toCorrect = (expense: DraftExpense): DraftExpense => ({
  ...expense,
  concerns: ['amount'],
  category: expense.kind === 'INCOME' ? expense.category : null,
});

function head(context: BotContext): DraftExpense {
  const first = context.queue[0];
  if (!first) throw new Error('no expense is waiting for an answer');
  return first;
}

/** An answered head is saved, or stays at the head for its next question (confirm). */
function afterAnswer(
  context: BotContext,
  answered: DraftExpense,
): { effects: Effect[]; context: Partial<BotContext> } {
  const rest = context.queue.slice(1);
  if (!ready(answered)) {
    return { effects: [], context: { queue: [answered, ...rest], question: null } };
  }
  return {
    effects: [{ type: 'save', expenses: [answered] }],
    context: { queue: rest, question: null, lastSaved: savedRecord([answered]) },
  };
}

/** Whether the category question asked about `expense` offered this row: others are stale. */
function offered(expense: DraftExpense, choice: CategoryChoice): boolean {
  switch (choice.kind) {
    case 'category':
      return expense.candidates.some((c) => c.id === choice.categoryId);
    case 'new':
      return Boolean(expense.word);
    case 'other':
      return expense.other !== null;
  }
}

function categoryAnswer(expense: DraftExpense, choice: CategoryChoice): DraftExpense {
  if (choice.kind === 'other') return { ...expense, category: expense.other };
  if (choice.kind === 'new') {
    const word = expense.word || 'new';
    const name = word[0]!.toUpperCase() + word.slice(1);
    return { ...expense, category: { id: expense.newCategoryId, name }, createCategory: true };
  }
  const chosen = expense.candidates.find((c) => c.id === choice.categoryId);
  return { ...expense, category: chosen ?? expense.other };
}

function commandEffects(context: BotContext, event: Extract<BotEvent, { type: 'COMMAND' }>) {
  const { command } = event;
  const last = context.lastSaved;
  switch (command.type) {
    case 'undo':
      return {
        effect: { type: 'undo', expenseIds: last?.expenseIds ?? null } satisfies Effect,
        lastSaved: null,
      };
    case 'deleteLast': {
      const rest = last?.expenseIds.slice(0, -1) ?? [];
      return {
        effect: { type: 'deleteLast', expenseId: last?.expenseIds.at(-1) ?? null } satisfies Effect,
        lastSaved: last && rest.length > 0 ? { ...last, expenseIds: rest } : null,
      };
    }
    case 'editLast':
      return {
        effect: {
          type: 'editLast',
          expenseId: last?.expenseIds.at(-1) ?? null,
          change: command.change,
        } satisfies Effect,
        lastSaved: last,
      };
    default: {
      const { text, page } = event;
      const effect: Effect = {
        type: 'command',
        command,
        ...(text === undefined ? {} : { text }),
        ...(page === undefined ? {} : { page }),
      };
      return { effect, lastSaved: last };
    }
  }
}

const expireFirst = {
  guard: 'questionExpired',
  target: 'idle',
  actions: ['expire', 'reraise'],
} as const;
const remind = { type: 'ask', params: { reminder: true } } as const;

/**
 * One WhatsApp chat. Idle, it saves what is clear at once and queues what needs an
 * answer (an unknown category, an unusual amount or a likely duplicate); it then asks
 * about the queue's head, one question at a time. Anything else typed while a question
 * is open is handled as usual and the question is asked again, so nothing is lost; an
 * unanswered question expires after questionTtlMs, measured on message timestamps, and
 * with it the queue: what waited only for a category is saved without one (the catch-all
 * category), a bare amount or what waited for a yes, an amount or a review is not.
 * The machine does no I/O: it emits effects (writes, replies) for the runtime to carry out.
 */
export const conversationMachine = setup({
  // XState infers the machine's types from this assertion; the rule can't see that.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  types: {} as {
    context: BotContext;
    events: BotEvent;
    input: MachineInput;
    emitted: Effect;
  },
  actions: {
    // Waiting expenses take the duplicate concern as it stands now (see BotEvent.twins).
    refreshTwins: assign(({ context, event }) => {
      const twins = event.twins;
      if (!twins) return {};
      return {
        queue: context.queue.map((draft) => {
          const twin = twins[draft.id];
          if (twin === undefined) return draft;
          const others = draft.concerns.filter((c) => c !== 'duplicate');
          const concerns: Concern[] = twin ? [...others, 'duplicate'] : others;
          return { ...draft, concerns };
        }),
      };
    }),
    takeExpenses: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'EXPENSES');
      const now = event.expenses.filter(ready);
      if (now.length > 0) {
        enqueue.emit({ type: 'save', expenses: now });
        enqueue.assign({ lastSaved: savedRecord(now) });
      }
      const waiting = event.expenses.filter((e) => !ready(e));
      // The first of them is asked about now unless a question is already open; the
      // others wait their turn, and the reply says so instead of passing over them.
      const behind = context.queue.length > 0 ? waiting : waiting.slice(1);
      if (behind.length > 0) enqueue.emit({ type: 'queued', expenses: behind });
      enqueue.assign({ queue: [...context.queue, ...waiting] });
    }),
    handleCommand: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'COMMAND');
      const { effect, lastSaved } = commandEffects(context, event);
      enqueue.emit(effect);
      enqueue.assign({ lastSaved });
      // "today", "last month": a follow-up ("and food?") keeps their period.
      const asked = askedByCommand(event.command);
      if (asked) enqueue.assign({ asked: { question: asked, page: 1 } });
    }),
    answer: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'QUESTION');
      const question = resolveQuestion(event.question, context.asked?.question ?? null);
      enqueue.emit({ type: 'answer', question, page: 1 });
      enqueue.assign({ asked: { question, page: 1 } });
    }),
    nextPage: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'MORE');
      const asked = context.asked;
      if (!asked) {
        enqueue.emit({
          type: 'questionHelp',
          text: 'more',
          example: 'how much on food this month',
        });
        return;
      }
      enqueue.emit({ type: 'answer', question: asked.question, page: asked.page + 1 });
      enqueue.assign({ asked: { ...asked, page: asked.page + 1 } });
    }),
    drill: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'DRILL_TAPPED');
      const question = context.asked ? narrowed(context.asked.question, event.drill) : null;
      if (!question) {
        enqueue.emit({ type: 'staleChoice' });
        return;
      }
      enqueue.emit({ type: 'answer', question, page: 1 });
      enqueue.assign({ asked: { question, page: 1 } });
    }),
    questionHelp: emit(({ event }) => {
      assertEvent(event, 'QUESTION_UNCLEAR');
      return { type: 'questionHelp', text: event.text, example: event.example };
    }),
    undoChoice: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'UNDO_TAPPED');
      const { messageId } = event;
      const last = context.lastSaved;
      // The button names the message whose expenses it removes, however old.
      enqueue.emit({ type: 'undoMessage', messageId });
      if (last?.messageId === messageId) enqueue.assign({ lastSaved: null });
    }),
    undoRunChoice: emit(({ event }) => {
      assertEvent(event, 'UNDO_RUN_TAPPED');
      return { type: 'undoRun', expenseId: event.expenseId };
    }),
    ask: enqueueActions(({ context, event, enqueue }, params: { reminder: boolean }) => {
      const expense = head(context);
      const kind = questionKind(expense);
      const asks = {
        category: 'askCategory',
        confirm: 'askConfirm',
        review: 'askReview',
        amount: 'askAmount',
      } as const;
      enqueue.emit({ type: asks[kind], expense, reminder: params.reminder });
      if (!params.reminder) enqueue.assign({ question: { kind, askedAt: event.at } });
    }),
    answerCategory: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'CATEGORY_CHOSEN');
      const expense = head(context);
      const answered = categoryAnswer(expense, event.choice);
      const learned =
        answered.category?.id !== expense.other?.id &&
        expense.candidates.some((c) => c.id === answered.category?.id);
      if (learned && expense.word && answered.category) {
        enqueue.emit({ type: 'learnAlias', word: expense.word, category: answered.category });
      }
      const plan = afterAnswer(context, answered);
      for (const effect of plan.effects) enqueue.emit(effect);
      enqueue.assign(plan.context);
    }),
    answerConfirm: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'CONFIRM_ANSWERED');
      const expense = head(context);
      if (event.yes) {
        const plan = afterAnswer(context, { ...expense, concerns: [] });
        for (const effect of plan.effects) enqueue.emit(effect);
        enqueue.assign(plan.context);
      } else {
        enqueue.emit({ type: 'discarded', expense });
        enqueue.assign({ queue: context.queue.slice(1), question: null });
      }
    }),
    declineCategory: enqueueActions(({ context, enqueue }) => {
      enqueue.emit({ type: 'discarded', expense: head(context) });
      enqueue.assign({ queue: context.queue.slice(1), question: null });
    }),
    answerReview: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'REVIEW_ANSWERED');
      const expense = head(context);
      const rest = context.queue.slice(1);
      if (event.answer === 'cancel') {
        enqueue.emit({ type: 'discarded', expense });
        enqueue.assign({ queue: rest, question: null });
        return;
      }
      if (event.answer === 'change') {
        enqueue.assign({ queue: [toCorrect(expense), ...rest], question: null });
        return;
      }
      const settled: Concern = event.answer === 'save' ? 'review' : 'amount';
      const plan = afterAnswer(context, {
        ...expense,
        concerns: expense.concerns.filter((c) => c !== settled),
      });
      for (const effect of plan.effects) enqueue.emit(effect);
      enqueue.assign(plan.context);
    }),
    answerAmount: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'AMOUNT_GIVEN');
      const expense = head(context);
      const plan = afterAnswer(context, {
        ...expense,
        amountMinor: event.amountMinor,
        currency: event.currency,
        concerns: expense.concerns.filter((c) => c !== 'amount'),
      });
      for (const effect of plan.effects) enqueue.emit(effect);
      enqueue.assign(plan.context);
    }),
    nothingSaved: emit(({ event }) => {
      assertEvent(event, 'NOT_AN_ENTRY');
      return { type: 'notAnEntry', reason: event.reason, reference: event.reference };
    }),
    // The message that finds a question expired is then handled as if none was open.
    expire: enqueueActions(({ context, enqueue }) => {
      const unanswered = context.queue
        .filter(onlyCategoryMissing)
        .map((expense) => ({ ...expense, category: expense.other }));
      const dropped = context.queue.filter((expense) => !onlyCategoryMissing(expense));
      if (unanswered.length > 0) {
        enqueue.emit({ type: 'saveUnanswered', expenses: unanswered });
        enqueue.assign({ lastSaved: savedRecord(unanswered) });
      }
      if (dropped.length > 0) enqueue.emit({ type: 'expired', expenses: dropped });
      enqueue.assign({ queue: [], question: null });
    }),
    reraise: raise(({ event }) => event),
    staleChoice: emit({ type: 'staleChoice' }),
    readMedia: emit(({ event }) => {
      assertEvent(event, 'MEDIA');
      return { type: 'readMedia', media: event.media };
    }),
    mediaNotSaved: emit(({ event }) => {
      assertEvent(event, 'MEDIA_NOT_SAVED');
      return { type: 'mediaNotSaved', media: event.media, why: event.why };
    }),
    dropQuestion: assign({ queue: [], question: null }),
    bookRequest: emit(({ event }) => {
      assertEvent(event, 'BOOK');
      return { type: 'book', request: event.request };
    }),
  },
  guards: {
    questionExpired: ({ context, event }) =>
      context.question !== null &&
      Date.parse(event.at) - Date.parse(context.question.askedAt) > context.questionTtlMs,
    answersCategory: ({ context, event }) =>
      event.type === 'CATEGORY_CHOSEN' &&
      context.question?.kind === 'category' &&
      offered(head(context), event.choice),
    declinesCategory: ({ context }) => context.question?.kind === 'category',
    answersConfirm: ({ context, event }) =>
      event.type === 'CONFIRM_ANSWERED' && context.question?.kind === 'confirm',
    // Save and Change answer the alert's question; Keep and Cancel the amount's (Cancel both).
    answersReview: ({ context, event }) => {
      if (event.type !== 'REVIEW_ANSWERED') return false;
      const kind = context.question?.kind;
      if (event.answer === 'cancel') return kind === 'review' || kind === 'amount';
      if (event.answer === 'keep') return kind === 'amount' && head(context).amountMinor !== '0';
      return kind === 'review';
    },
    answersAmount: ({ context, event }) =>
      event.type === 'AMOUNT_GIVEN' && context.question?.kind === 'amount',
    hasQueue: ({ context }) => context.queue.length > 0,
  },
}).createMachine({
  id: 'conversation',
  context: ({ input }) => ({
    question: null,
    queue: [],
    lastSaved: null,
    questionTtlMs: input?.questionTtlMs ?? DEFAULT_QUESTION_TTL_MS,
  }),
  initial: 'idle',
  // A stranger (no linked account) has no expenses to ask about: any question goes.
  on: {
    STRANGER: {
      target: '.idle',
      actions: ['dropQuestion', emit(({ event }) => ({ type: 'linkHelp', text: event.text }))],
    },
    LINK: {
      target: '.idle',
      actions: ['dropQuestion', emit(({ event }) => ({ type: 'link', code: event.code }))],
    },
  },
  states: {
    idle: {
      on: {
        EXPENSES: { target: 'deciding', actions: 'takeExpenses' },
        COMMAND: { actions: 'handleCommand' },
        UNDO_TAPPED: { actions: 'undoChoice' },
        UNDO_RUN_TAPPED: { actions: 'undoRunChoice' },
        // No question is open: an answer to one is from an older message.
        CATEGORY_CHOSEN: { actions: 'staleChoice' },
        CONFIRM_ANSWERED: { actions: 'staleChoice' },
        CATEGORY_DECLINED: { actions: 'staleChoice' },
        REVIEW_ANSWERED: { actions: 'staleChoice' },
        AMOUNT_GIVEN: { actions: 'staleChoice' },
        UNKNOWN_CHOICE: { actions: 'staleChoice' },
        NOT_AN_ENTRY: { actions: 'nothingSaved' },
        UNCLEAR: {
          actions: emit(({ event }) => ({
            type: 'notUnderstood',
            text: event.text,
            detail: event.detail,
          })),
        },
        UNSUPPORTED: {
          actions: emit(({ event }) => ({ type: 'unsupported', kind: event.kind })),
        },
        MEDIA: { actions: 'readMedia' },
        MEDIA_NOT_SAVED: { actions: 'mediaNotSaved' },
        QUESTION: { actions: 'answer' },
        MORE: { actions: 'nextPage' },
        DRILL_TAPPED: { actions: 'drill' },
        QUESTION_UNCLEAR: { actions: 'questionHelp' },
        BOOK: { actions: 'bookRequest' },
      },
    },
    deciding: {
      always: [
        {
          guard: 'hasQueue',
          target: 'asking',
          actions: { type: 'ask', params: { reminder: false } },
        },
        { target: 'idle' },
      ],
    },
    asking: {
      on: {
        EXPENSES: [expireFirst, { actions: ['refreshTwins', 'takeExpenses', remind] }],
        COMMAND: [expireFirst, { actions: ['refreshTwins', 'handleCommand', remind] }],
        UNCLEAR: [
          expireFirst,
          {
            actions: [
              emit(({ event }) => ({
                type: 'notUnderstood',
                text: event.text,
                detail: event.detail,
              })),
              remind,
            ],
          },
        ],
        UNSUPPORTED: [
          expireFirst,
          {
            actions: [emit(({ event }) => ({ type: 'unsupported', kind: event.kind })), remind],
          },
        ],
        // The question stays open: the reading comes back as a message of its own.
        MEDIA: [expireFirst, { actions: 'readMedia' }],
        MEDIA_NOT_SAVED: [expireFirst, { actions: ['mediaNotSaved', remind] }],
        UNDO_TAPPED: [expireFirst, { actions: ['undoChoice', remind] }],
        UNDO_RUN_TAPPED: [expireFirst, { actions: ['undoRunChoice', remind] }],
        // A category tapped under its own question answers it however late: it is not
        // a new message the question could be mistaken for.
        CATEGORY_CHOSEN: [
          {
            guard: 'answersCategory',
            target: 'deciding',
            actions: ['refreshTwins', 'answerCategory'],
          },
          expireFirst,
          { actions: ['staleChoice', remind] },
        ],
        // Declining is an answer to the open question too, however late.
        CATEGORY_DECLINED: [
          {
            guard: 'declinesCategory',
            target: 'deciding',
            actions: ['refreshTwins', 'declineCategory'],
          },
          expireFirst,
          { actions: ['staleChoice', remind] },
        ],
        CONFIRM_ANSWERED: [
          expireFirst,
          {
            guard: 'answersConfirm',
            target: 'deciding',
            actions: ['refreshTwins', 'answerConfirm'],
          },
          { actions: ['staleChoice', remind] },
        ],
        UNKNOWN_CHOICE: [expireFirst, { actions: ['staleChoice', remind] }],
        REVIEW_ANSWERED: [
          expireFirst,
          {
            guard: 'answersReview',
            target: 'deciding',
            actions: ['refreshTwins', 'answerReview'],
          },
          { actions: ['staleChoice', remind] },
        ],
        AMOUNT_GIVEN: [
          expireFirst,
          {
            guard: 'answersAmount',
            target: 'deciding',
            actions: ['refreshTwins', 'answerAmount'],
          },
          { actions: ['staleChoice', remind] },
        ],
        NOT_AN_ENTRY: [expireFirst, { actions: ['refreshTwins', 'nothingSaved', remind] }],
        QUESTION: [expireFirst, { actions: ['refreshTwins', 'answer', remind] }],
        MORE: [expireFirst, { actions: ['refreshTwins', 'nextPage', remind] }],
        DRILL_TAPPED: [expireFirst, { actions: ['refreshTwins', 'drill', remind] }],
        QUESTION_UNCLEAR: [expireFirst, { actions: ['refreshTwins', 'questionHelp', remind] }],
        BOOK: [expireFirst, { actions: ['refreshTwins', 'bookRequest', remind] }],
      },
    },
  },
});
