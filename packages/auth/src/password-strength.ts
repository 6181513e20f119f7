import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

// zxcvbn's score 3 means about 10^8 guesses: out of reach of an online attack and of the
// leaked-password lists its dictionaries are built from, which score 0-2.
const MIN_SCORE = 3;
// zxcvbn's time grows faster than the length (a 100-character repeated pattern took seconds
// here), so a password is judged by its first 64 characters, which for anything but such a
// pattern are long past strong already.
const CHECKED_LENGTH = 64;

let checker: Promise<ZxcvbnFactory> | undefined;

// The dictionaries weigh about 1.5 MB and take a quarter of a second to load: they are
// loaded on the first password set, never by a login or by the server starting.
function loadChecker(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  );
  return checker;
}

/** An email or name and the pieces people make passwords of: "asha", "kapoor", "ashakapoor". */
function personalWords(related: readonly string[]): string[] {
  return related.flatMap((value) => {
    const lower = value.toLowerCase();
    const local = lower.split('@')[0] ?? lower;
    const pieces = lower.split(/[^\p{L}\p{N}]+/u).filter((piece) => piece.length >= 3);
    return [lower, local, local.replace(/[^\p{L}\p{N}]+/gu, ''), ...pieces];
  });
}

/**
 * Why a password is too easy to guess (a common or leaked one, a keyboard walk, the
 * person's own email or name), or null. `related` holds what an attacker would try first.
 */
export async function guessabilityProblem(
  password: string,
  related: readonly string[] = [],
): Promise<string | null> {
  const zxcvbn = await loadChecker();
  const result = zxcvbn.check(password.slice(0, CHECKED_LENGTH), personalWords(related));
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning;
  return warning
    ? `${warning} Choose a password that is harder to guess, such as a few unrelated words.`
    : 'That password is easy to guess. Choose a longer one, such as a few unrelated words.';
}
