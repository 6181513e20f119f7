/**
 * Cloud API limits the builders enforce, so a message that would be refused with
 * error 100 (invalid parameter) fails here, naming the field, before anything is sent.
 * Lengths are counted in UTF-16 code units (String#length): never fewer than the
 * characters Meta counts, so what passes here also passes there.
 */
export const LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  headerText: 60,
  footerText: 60,
  replyButtons: { min: 1, max: 3 },
  buttonTitle: 20,
  buttonId: 256,
  listButtonText: 20,
  listSections: 10,
  listRows: 10,
  sectionTitle: 24,
  rowId: 200,
  rowTitle: 24,
  rowDescription: 72,
  templateName: 512,
  otpCode: 15,
  mediaCaption: 1024,
  documentFilename: 240,
} as const;

/** A message breaks a WhatsApp rule; `field` names the offending part, e.g. `buttons[1].title`. */
export class MessageLimitError extends Error {
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'MessageLimitError';
    this.field = field;
  }
}

export function requireLength(field: string, value: string, max: number, min = 1): string {
  if (value.trim().length < min) throw new MessageLimitError(field, 'must not be empty');
  if (value.length > max) {
    throw new MessageLimitError(field, `at most ${max} characters (got ${value.length})`);
  }
  return value;
}

/** Throws on the first repeated id; each entry carries the path to report, e.g. `buttons[2].id`. */
export function requireUniqueIds(entries: readonly { path: string; id: string }[]): void {
  const seen = new Set<string>();
  for (const { path, id } of entries) {
    if (seen.has(id)) throw new MessageLimitError(path, `duplicate id "${id}"`);
    seen.add(id);
  }
}
