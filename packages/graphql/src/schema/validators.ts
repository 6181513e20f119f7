// Input checks shared by the mutations that take money, currencies and notes, and the
// wording of every input problem: people read these next to the field they typed in.
import { isCurrencyCode } from '@spendline/auth';
import { z } from 'zod';

const count = (n: number | bigint, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 || n === 1n ? one : many}`;

// zod's own wording ("Too big: expected string to have <=4096 characters") reads like a
// stack trace; these say the same in words. Checks with their own message keep it.
z.config({
  customError: (issue) => {
    const bound =
      issue.code === 'too_big' ? issue.maximum : issue.code === 'too_small' ? issue.minimum : null;
    if (bound === null)
      return issue.code === 'invalid_format' ? `is not a valid ${issue.format}` : undefined;
    const most = issue.code === 'too_big';
    switch (issue.origin) {
      case 'string':
        if (!most && bound === 1) return 'must not be empty';
        return `must be at ${most ? 'most' : 'least'} ${count(bound, 'character', 'characters')}`;
      case 'array':
      case 'set':
        return `must have at ${most ? 'most' : 'least'} ${count(bound, 'item', 'items')}`;
      case 'number':
      case 'int':
      case 'bigint':
        return `must be at ${most ? 'most' : 'least'} ${bound.toLocaleString('en')}`;
      default:
        return undefined;
    }
  },
});

export const amount = z.bigint().positive('must be more than zero');
export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, 'must be an ISO-4217 code such as INR or USD');
export const note = z.string().trim().max(500, 'must be at most 500 characters');

// C0 controls but tab, line feed and carriage return (which people type), DEL, and the C1
// controls. PostgreSQL refuses NUL in text outright (error 22021); the others are never
// meant and break CSV exports, WhatsApp replies and terminals.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Text a person could have typed: well-formed Unicode without control characters. */
export function isPlainText(value: string): boolean {
  return value.isWellFormed() && !CONTROL.test(value);
}

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters such as NUL';

/**
 * Checks every string in a value (a String field, or a list of them, at any depth).
 * The plain-text plugin puts it on every String input of the schema.
 */
export const plainText = z.unknown().superRefine((value, context) => {
  const visit = (item: unknown, path: number[]) => {
    if (typeof item === 'string') {
      if (!isPlainText(item))
        context.addIssue({ code: 'custom', message: CONTROL_CHARACTER_MESSAGE, path });
    } else if (Array.isArray(item)) {
      item.forEach((inner, index) => visit(inner, [...path, index]));
    }
  };
  visit(value, []);
});
