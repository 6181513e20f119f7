export { AccountError, createAccount, type FieldProblems, type NewAccount } from './accounts.ts';
export {
  API_TOKEN_PREFIX,
  createApiToken,
  generateApiToken,
  isApiTokenShaped,
  revokeApiToken,
  validateApiToken,
} from './api-tokens.ts';
export {
  blankSessionCookie,
  readCookie,
  SESSION_COOKIE_NAME,
  sessionCookie,
  type CookieOptions,
} from './cookies.ts';
export {
  changePassword,
  checkCredentials,
  deleteAccount,
  loginRateLimitKeys,
  loginSlowdownMs,
  type CheckOptions,
  verifyCurrentPassword,
  type CredentialCheck,
  type LeaveBooks,
  type PasswordChange,
  type PasswordCheck,
} from './credentials.ts';
export {
  generateCode,
  hashCode,
  LINK_CODE_LENGTH,
  LINK_CODE_MAX_WRONG_GUESSES,
  OTP_LENGTH,
  OTP_MAX_ATTEMPTS,
  OTP_RESEND_COOLDOWN_MS,
  OTP_TTL_MS,
  redeemLinkCode,
  startOtpChallenge,
  tryCode,
  type CodeAttempt,
  verifyWhatsAppOtp,
  type LinkResult,
  type OtpRequest,
} from './otp.ts';
export {
  requestPasswordReset,
  resetPasswordWithCode,
  setPasswordByAdmin,
  type PasswordReset,
  type ResetCodeMessage,
} from './password-reset.ts';
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
export {
  consume,
  peek,
  pruneRateLimits,
  RATE_LIMITS,
  resetRateLimit,
  type RateLimitPolicy,
  type RateLimitResult,
} from './rate-limit.ts';
export {
  createSession,
  deleteExpiredSessions,
  generateSessionToken,
  invalidateSession,
  invalidateUserSessions,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_LIFETIME_MS,
  sessionEnded,
  sessionIdFromToken,
  validateSessionToken,
  type SessionMetadata,
  type SessionValidation,
} from './sessions.ts';
export { hashToken, randomToken } from './tokens.ts';
