// A member whose account was deleted comes from the api with an empty name and
// `former: true`: the entries they paid for stay in the book. The page shows the
// catalog's word for them wherever a name goes.

/** `value` with every former member's name replaced by `label`. */
export function nameFormerMembers<T>(value: T, label: string): T {
  if (Array.isArray(value))
    return value.map((item: unknown) => nameFormerMembers(item, label)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = nameFormerMembers(field, label);
  if (copy.former === true) copy.name = label;
  return copy as T;
}
