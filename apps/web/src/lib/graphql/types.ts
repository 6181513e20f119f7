// Result shapes of the operations in documents.ts, as the api's schema defines them.

export interface Money {
  /** Minor units as a decimal string: never a float. */
  amountMinor: string;
  currency: string;
  amount: string;
  formatted: string;
}

export interface FieldProblem {
  path: string[];
  message: string;
}

/** Any member of a result union that is one of the schema's typed errors. */
export interface TypedError {
  __typename: string;
  message: string;
  problems?: FieldProblem[];
  retryAfterSeconds?: number;
  field?: string | null;
  /** PasswordRequiredError: a password was given and did not match. */
  wrong?: boolean;
}

export interface WhatsAppLink {
  id: string;
  phoneNumber: string | null;
  verifiedAt: string | null;
  active: boolean;
}

export interface Viewer {
  id: string;
  email: string;
  displayName: string;
  currency: string;
  timeZone: string;
  locale: string;
  whatsAppLinks: WhatsAppLink[];
}

export interface CategoryRef {
  id: string;
  name: string;
  emoji: string | null;
  color: string | null;
}

export interface Category extends CategoryRef {
  archived: boolean;
  aliases: string[];
  expenseCount: number;
}

/** What the entries of one currency under a filter add up to (all pages). */
export interface FilterTotal {
  currency: string;
  count: number;
  spent: Money;
  received: Money;
}

export type ExpenseSource = 'WHATSAPP' | 'WEB' | 'API' | 'IMPORT' | 'RECURRING';

export interface Expense {
  id: string;
  kind: 'EXPENSE' | 'INCOME';
  amount: Money;
  occurredAt: string;
  localDate: string;
  note: string | null;
  source: ExpenseSource;
  category: CategoryRef | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ExpenseConnection<T extends Expense = Expense> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { node: T }[];
}

export interface CurrencyTotal {
  total: Money;
  previousTotal: Money;
  change: Money;
  changeRatio: number | null;
  count: number;
}

export interface PeriodTotals {
  range: { from: string; to: string };
  totals: CurrencyTotal[];
  /** Per currency; empty when no income came in. */
  income: Money[];
  net: Money[];
}

export interface CategoryTotal {
  name: string;
  total: Money;
  share: number;
  category: { id: string; color: string | null; emoji: string | null } | null;
}

export interface DayTotal {
  date: string;
  total: Money;
}

export interface BudgetUse {
  /** null for the overall budget. */
  category: { id: string; name: string; emoji: string | null; archived: boolean } | null;
  limit: Money;
  spent: Money;
  remaining: Money;
  /** spent / limit; above 1 when overspent. */
  used: number;
  /** Where spending ends the month at this pace; null outside the current month. */
  projected: Money | null;
}

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface RecurringExpense {
  id: string;
  kind: 'EXPENSE' | 'INCOME';
  amount: Money;
  category: { id: string; name: string; emoji: string | null; archived: boolean } | null;
  note: string | null;
  frequency: Frequency;
  interval: number;
  /** MONTHLY and YEARLY only; WEEKLY has dayOfWeek (ISO 1 Monday ... 7 Sunday). */
  dayOfMonth: number | null;
  dayOfWeek: number | null;
  monthOfYear: number | null;
  /** "every month on the 1st", in the viewer's locale. */
  description: string;
  paused: boolean;
  /** No day is left to record (past its end date). */
  ended: boolean;
  /** The next day it is recorded, in the viewer's zone; null while paused and once ended. */
  nextRunOn: string | null;
}

export interface DashboardData {
  today: PeriodTotals;
  week: PeriodTotals;
  month: PeriodTotals & { categories: CategoryTotal[]; days: DayTotal[]; budgets: BudgetUse[] };
  latest: { totalCount: number; edges: { node: Expense }[] };
}

export interface SandboxChoice {
  id: string;
  title: string;
  description: string | null;
}

export interface SandboxMessage {
  id: string;
  direction: 'INBOUND' | 'OUTBOUND';
  text: string | null;
  header: string | null;
  footer: string | null;
  buttons: SandboxChoice[];
  listButton: string | null;
  listRows: SandboxChoice[];
  at: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Session {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  userAgent: string | null;
  ipAddress: string | null;
  current: boolean;
}

export interface Settings extends Omit<Viewer, 'whatsAppLinks'> {
  /** Local hours (0-23) of the WhatsApp digest and reminder; null when off. */
  dailyDigestHour: number | null;
  weeklyDigest: boolean;
  reminderHour: number | null;
  /** First day of the week, ISO 1 Monday ... 7 Sunday; null follows the locale's. */
  weekStartsOn: number | null;
  /** The locale's first day of the week: what null means. */
  localeWeekStartsOn: number;
  apiTokens: ApiToken[];
}

export interface ImportProblem {
  /** Counting the file's header as line 1. */
  line: number;
  message: string;
}

/** What one importExpenses call did. */
export interface ImportBatch {
  __typename: 'ExpenseImport';
  startedAt: string;
  read: number;
  imported: number;
  duplicates: number;
  failed: number;
  problems: ImportProblem[];
}

export interface AccountExportData {
  me: Omit<Settings, 'id' | 'apiTokens' | 'localeWeekStartsOn'> & {
    confirmAboveMinor: string | null;
    createdAt: string;
    whatsAppLinks: (Omit<WhatsAppLink, 'id'> & { createdAt: string })[];
  };
  categories: (Omit<Category, 'id' | 'expenseCount'> & { createdAt: string })[];
  budgetChanges: {
    category: { name: string } | null;
    /** The first day of the month it applies from. */
    from: string;
    /** null when this change ended the budget. */
    limit: Money | null;
    createdAt: string;
  }[];
  recurringExpenses: (Omit<RecurringExpense, 'id' | 'category' | 'ended' | 'nextRunOn'> & {
    category: { name: string } | null;
    startsOn: string;
    endsOn: string | null;
    nextRunOn: string | null;
    lastRun: string | null;
    createdAt: string;
  })[];
}

export type ExportEntry = Expense & { createdAt: string; deletedAt: string | null };
