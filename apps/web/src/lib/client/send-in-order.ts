// A chat composer's submit: the message leaves the box the moment it is sent, as in
// WhatsApp, so the next one can be typed and sent at once; posts go out one after another,
// each when the one before has its answer, so the bot reads them in the order they were
// typed. A refused message comes back to the box, unless something new is being typed.
// (`use:submitOnce` would drop a send made while the page refreshes after the last one,
// and the refresh would then empty the box the new text was typed into.)
import type { SubmitFunction } from '$app/forms';

export interface Composer {
  /** What the box holds now. */
  read(): string;
  write(text: string): void;
}

export function sendInOrder(composer: Composer, field = 'text'): SubmitFunction {
  let turn: Promise<void> = Promise.resolve();
  return async ({ formData }) => {
    const typed = formData.get(field);
    const text = typeof typed === 'string' ? typed : '';
    composer.write('');
    const before = turn;
    let answered = () => {};
    turn = new Promise((resolve) => (answered = resolve));
    await before;
    return async ({ result, update }) => {
      answered();
      const sent = result.type === 'success' || result.type === 'redirect';
      if (!sent && composer.read() === '') composer.write(text);
      await update({ reset: false });
    };
  };
}
