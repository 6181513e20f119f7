import type { Reply } from '../reply.ts';
import type { Effect } from '../types.ts';
import { alertHandlers } from './alerts.ts';
import { answerHandlers } from './answers.ts';
import { bookHandlers } from './books.ts';
import { entryHandlers } from './entries.ts';
import { linkingHandlers } from './linking.ts';
import { mediaHandlers } from './media.ts';
import { questionHandlers } from './questions.ts';
import type { EffectContext, EffectHandlers, EffectScope } from './scope.ts';
import { statementHandlers } from './statements.ts';

export type { EffectScope } from './scope.ts';

// Typed by every Effect type: a new effect without a handler here does not compile.
const handlers: EffectHandlers = {
  ...entryHandlers,
  ...statementHandlers,
  ...questionHandlers,
  ...linkingHandlers,
  ...mediaHandlers,
  ...alertHandlers,
  ...answerHandlers,
  ...bookHandlers,
};

/** The handler for one type of effect. */
function handlerFor<K extends Effect['type']>(
  type: K,
): (effect: Extract<Effect, { type: K }>, context: EffectContext) => Promise<void> | void {
  return handlers[type];
}

/** Carries out the machine's effects in order, adding what each says to `reply`. */
export async function perform(scope: EffectScope, effects: Effect[], reply: Reply): Promise<void> {
  const context: EffectContext = {
    scope,
    reply,
    expired: effects.some((e) => e.type === 'expired' || e.type === 'saveUnanswered'),
  };
  for (const effect of effects) {
    await handlerFor(effect.type)(effect, context);
  }
}
