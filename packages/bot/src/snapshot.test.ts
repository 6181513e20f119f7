import { describe, expect, it } from 'vitest';
import { MACHINE_VERSION, restoreConversation } from './snapshot.ts';
import { after, events, FOOD, MINUTE, unclear } from './test-drafts.ts';

/** A snapshot saved while a category question was open, as the database holds it. */
function savedWithQuestion(): unknown {
  const { actor } = restoreConversation(null, MACHINE_VERSION);
  actor.send(events.expenses([unclear('e1')]));
  const saved: unknown = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
  actor.stop();
  return saved;
}

describe('restoring a conversation', () => {
  it('starts idle when nothing was saved yet', () => {
    const restored = restoreConversation(null, 0);
    expect(restored.actor.getSnapshot().value).toBe('idle');
    expect(restored).toMatchObject({ reset: false, lostQuestion: false });
  });

  it('continues a saved question and collects the effects of what follows', () => {
    const restored = restoreConversation(savedWithQuestion(), MACHINE_VERSION);
    expect(restored.actor.getSnapshot().value).toBe('asking');
    restored.actor.send(events.choice(`cat:${FOOD.id}`, after(MINUTE)));
    expect(restored.effects.map((e) => e.type)).toEqual(['learnAlias', 'save']);
    expect(restored.reset).toBe(false);
  });

  it('resets a snapshot of another machine version and says a question was lost', () => {
    const restored = restoreConversation(savedWithQuestion(), MACHINE_VERSION - 1);
    expect(restored.actor.getSnapshot().value).toBe('idle');
    expect(restored.actor.getSnapshot().context.queue).toEqual([]);
    expect(restored).toMatchObject({ reset: true, lostQuestion: true });
  });

  it.each([
    ['a state this machine does not have', { value: 'awaitingBudget' }],
    ['a context of the wrong shape', { context: { queue: 'nope' } }],
    ['a finished actor', { status: 'done' }],
  ])('never crashes on %s: it starts afresh', (_what, damage) => {
    const saved = { ...(savedWithQuestion() as object), ...damage };
    const restored = restoreConversation(saved, MACHINE_VERSION);
    expect(restored.reset).toBe(true);
    expect(restored.actor.getSnapshot().status).toBe('active');
    restored.actor.send(events.choice('cat:anything'));
    expect(restored.effects).toEqual([{ type: 'staleChoice' }]);
  });

  it('treats garbage as a reset, not an error', () => {
    for (const saved of ['text', 42, [], { context: null }]) {
      expect(restoreConversation(saved, MACHINE_VERSION).reset).toBe(true);
    }
  });
});
