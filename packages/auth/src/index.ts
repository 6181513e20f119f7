export { AccountError, createAccount, type FieldProblems, type NewAccount } from './accounts.ts';
export {
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  verifyPassword,
} from './password.ts';
export {
  isCurrencyCode,
  isEmail,
  isLocale,
  isTimeZone,
  normalizeEmail,
  normalizePhoneNumber,
} from './profile.ts';
