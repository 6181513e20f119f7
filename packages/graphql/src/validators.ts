// Input checks shared by the mutations that take money, currencies and notes.
import { isCurrencyCode } from '@spendline/auth';
import { z } from 'zod';

export const amount = z.bigint().positive('must be more than zero');
export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, 'must be an ISO-4217 code such as INR or USD');
export const note = z.string().trim().max(500, 'must be at most 500 characters');
