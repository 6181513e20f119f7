/**
 * Serialises like Meta's webhook sender: non-ASCII as \uXXXX (astral characters as
 * surrogate pairs) and `/` as `\/`. Used to build realistic signed test bodies, so a
 * handler that re-serialises instead of hashing the raw bytes fails in tests too.
 */
export function metaJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('metaJson: value is not serialisable');
  // Outside strings JSON has neither non-ASCII nor '/', so escaping everywhere is safe.
  return json
    .replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('/', '\\/');
}
