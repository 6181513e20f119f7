import { createActor, type Snapshot } from 'xstate';
import { z } from 'zod';
import { conversationMachine, MACHINE_VERSION } from './machine.ts';
import type { BotContext, Effect } from './types.ts';

export type ConversationActor = ReturnType<typeof createActor<typeof conversationMachine>>;

export interface Restored {
  actor: ConversationActor;
  effects: Effect[];
  /** The saved snapshot could not be used (older machine, bad shape): started afresh. */
  reset: boolean;
  /** Whether that unusable snapshot had a question open, so the user can be told. */
  lostQuestion: boolean;
}

/**
 * The parts of a saved snapshot (a JSON column) this code relies on before XState
 * restores the rest: a context of this machine's shape.
 */
const savedSnapshot = z.looseObject({
  context: z.looseObject({
    queue: z.array(z.unknown()),
    questionTtlMs: z.number(),
    question: z.union([z.null(), z.looseObject({ askedAt: z.string() })]),
  }) satisfies z.ZodType<Pick<BotContext, 'questionTtlMs'>>,
});

const withQuestion = z.object({ context: z.object({ question: z.looseObject({}) }) });

/**
 * Restores the conversation's actor from its saved snapshot, started, with its
 * effects collected. A snapshot from another machine version or of an unexpected shape
 * is never trusted: the actor starts idle and the caller can say a question was lost.
 * Errors are observed, never thrown globally: the runtime reads the actor's status.
 * (A later version that can upgrade old snapshots does it here, before restoring.)
 */
export function restoreConversation(
  saved: unknown,
  savedVersion: number,
  input?: { questionTtlMs?: number },
): Restored {
  const usable = savedVersion === MACHINE_VERSION && savedSnapshot.safeParse(saved).success;
  let actor: ConversationActor | null = null;
  if (usable) {
    try {
      actor = createActor(conversationMachine, { snapshot: saved as Snapshot<unknown>, input });
      // Observed before start, or XState reports a bad snapshot as an uncaught error.
      actor.subscribe({ error: () => {} });
      actor.start();
      if (actor.getSnapshot().status !== 'active') actor = null;
    } catch {
      // e.g. a state this machine no longer has
      actor = null;
    }
  }
  const reset = saved !== null && actor === null;
  if (!actor) {
    actor = createActor(conversationMachine, { input });
    actor.subscribe({ error: () => {} });
    actor.start();
  }
  const effects: Effect[] = [];
  actor.on('*', (effect) => effects.push(effect));
  return { actor, effects, reset, lostQuestion: reset && withQuestion.safeParse(saved).success };
}

export { MACHINE_VERSION };
