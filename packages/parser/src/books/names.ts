// Names of books and members as typed in a chat: compared without case, accents kept,
// spaces collapsed. "Goa trip", "goa  TRIP" and the hashtag "#goatrip" name one book.

/** The form two names are compared in. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase().split(/\s+/).join(' ');
}

/** Whether what someone typed names this member: the whole name or its first word. */
export function namesMember(typed: string, member: string): boolean {
  const key = nameKey(typed);
  const full = nameKey(member);
  return key === full || key === full.split(' ')[0];
}

/** The book a "home:" prefix or a "#goa" hashtag names, by its own spelling. */
export function findBook(typed: string, books: readonly { name: string }[]): string | null {
  const key = nameKey(typed);
  const glued = key.replace(/ /g, '');
  for (const { name } of books) {
    const full = nameKey(name);
    if (full === key || full.replace(/ /g, '') === glued) return name;
  }
  for (const { name } of books) {
    if (nameKey(name).split(' ')[0] === key) return name;
  }
  return null;
}

const NAME_WORD = /^[\p{L}\p{M}][\p{L}\p{M}'’.-]*$/u;
const MAX_NAME_WORDS = 3;

/** A person's name of one to three words of letters, or null. */
export function personName(words: readonly string[]): string | null {
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return null;
  return words.every((word) => NAME_WORD.test(word)) ? words.join(' ') : null;
}
