export { parse, MAX_MESSAGE_LENGTH } from './parse.ts';
export { guessLanguage, type ChatLanguage } from './language.ts';
export { DEFAULT_MAX_MAJOR } from './context.ts';
export type {
  Category,
  CategoryCandidate,
  CategoryResolution,
  Command,
  CommandType,
  DateRange,
  EditChange,
  MatchVia,
  ParseContext,
  ParsedExpense,
  ParseResult,
  Recurring,
  UnknownReason,
  UnknownResult,
} from './types.ts';
export { parseQuestion } from './questions/read.ts';
export { resolveQuestion } from './questions/resolve.ts';
export type {
  Question,
  QuestionFilter,
  QuestionMeasure,
  QuestionPeriod,
  QuestionResult,
  ResolvedQuestion,
} from './questions/types.ts';
export { looksLikeAlert, readAlert } from './alerts/read.ts';
export { payeeWord, type AlertAmount, type Payee } from './alerts/fields.ts';
export type { AlertChannel, AlertEntry, AlertReading, NotEntryReason } from './alerts/read.ts';
export { looksLikeBook, readBook } from './books/read.ts';
export { namesPersonalBook } from './books/commands.ts';
export { phoneNumber } from './books/phone.ts';
export { namesMember, nameKey } from './books/names.ts';
export type {
  BookCommand,
  BookCommandType,
  BookContext,
  BookNames,
  BookProblem,
  BookReading,
  BookTarget,
  SettleDirection,
  SplitPart,
  SplitRequest,
} from './books/types.ts';
