// Telling members of a shared book what another member did: in their own language, as
// a message while their chat is open and as the notice template otherwise.
import { NOTICE_TEMPLATE, queueNotice } from '@spendline/whatsapp/store';
import type { ReplyButton } from '@spendline/whatsapp';
import { bookReplies, type BookSay } from './book-replies.ts';
import type { Person } from './book-people.ts';
import type { Tx } from './effects/scope.ts';

/** Queues one notice to `reader`, worded by `words` in their language. */
export async function tell(
  tx: Tx,
  reader: Person,
  now: Date,
  words: (say: BookSay) => string,
  buttons: (say: BookSay) => ReplyButton[] = () => [],
): Promise<void> {
  const say = bookReplies(reader.locale);
  const text = words(say);
  await queueNotice(tx, {
    userId: reader.id,
    locale: reader.locale,
    now,
    text,
    buttons: buttons(say),
    template: { name: NOTICE_TEMPLATE, parameters: [text] },
  });
}
