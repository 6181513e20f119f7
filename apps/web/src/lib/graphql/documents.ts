// Every GraphQL operation the dashboard sends, in one place. The result types beside
// them (types.ts) are written by hand from the api's schema.
import { gql } from '@urql/core';

const MONEY = 'amountMinor currency amount formatted';
// Spreads are only valid on unions that hold the type, so each mutation names its own.
const ERROR = '... on Error { __typename message }';
const INVALID = '... on ValidationError { problems { path message } }';
const LIMITED = '... on RateLimitedError { retryAfterSeconds }';
const CONFLICT = '... on ConflictError { field }';
const PASSWORD = '... on PasswordRequiredError { wrong }';
const CATEGORY = 'id name emoji color archived aliases expenseCount';
const EXPENSE = `id kind amount { ${MONEY} } occurredAt localDate note source category { id name emoji color }`;
const USER = 'id email displayName currency timeZone locale';
const BUDGET = `category { id name emoji archived } limit { ${MONEY} } spent { ${MONEY} } remaining { ${MONEY} } used projected { ${MONEY} }`;

export const SUMMARY = gql`
  query Summary($period: Period!) {
    summary(period: $period) {
      period
      range { from to }
      totals { total { ${MONEY} } previousTotal { ${MONEY} } change { ${MONEY} } changeRatio count }
    }
  }
`;

export const DASHBOARD = gql`
  query Dashboard {
    today: summary(period: TODAY) { ...Totals }
    week: summary(period: WEEK) { ...Totals }
    month: summary(period: MONTH) {
      ...Totals
      categories { name total { ${MONEY} } share category { id color emoji } }
      days { date total { ${MONEY} } }
      budgets { ${BUDGET} }
    }
    latest: expenses(first: 5) { totalCount edges { node { ${EXPENSE} } } }
  }
  fragment Totals on Summary {
    range { from to }
    totals { total { ${MONEY} } previousTotal { ${MONEY} } change { ${MONEY} } changeRatio count }
    income { ${MONEY} }
    net { ${MONEY} }
  }
`;

export const EXPENSES = gql`
  query Expenses($filter: ExpenseFilter, $orderBy: ExpenseOrder, $first: Int, $after: String, $last: Int, $before: String) {
    expenses(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { ${EXPENSE} } }
    }
  }
`;

export const EXPENSE_TOTALS = gql`
  query ExpenseTotals($filter: ExpenseFilter) {
    expenseTotals(filter: $filter) { currency count spent { ${MONEY} } received { ${MONEY} } }
  }
`;

export const CREATE_EXPENSE = gql`
  mutation CreateExpense($input: NewExpense!) {
    createExpense(input: $input) { __typename ${ERROR} ${INVALID} ... on Expense { ${EXPENSE} } }
  }
`;

export const UPDATE_EXPENSE = gql`
  mutation UpdateExpense($id: ID!, $input: ExpensePatch!) {
    updateExpense(id: $id, input: $input) { __typename ${ERROR} ${INVALID} ... on Expense { ${EXPENSE} } }
  }
`;

export const DELETE_EXPENSE = gql`
  mutation DeleteExpense($id: ID!) {
    deleteExpense(id: $id) { __typename ${ERROR} ... on Expense { id note amount { formatted } } }
  }
`;

export const RESTORE_EXPENSE = gql`
  mutation RestoreExpense($id: ID!) {
    restoreExpense(id: $id) { __typename ${ERROR} ... on Expense { id } }
  }
`;

export const EXPENSE_ADDED = gql`
  subscription ExpenseAdded {
    expenseAdded {
      id
    }
  }
`;

// Edits, deletes and restores made anywhere (another tab, the WhatsApp bot).
export const EXPENSE_CHANGED = gql`
  subscription ExpenseChanged {
    expenseChanged {
      kind
      expenseId
    }
  }
`;

export const CATEGORIES = gql`
  query Categories($includeArchived: Boolean) {
    categories(includeArchived: $includeArchived) { ${CATEGORY} }
  }
`;

export const CREATE_CATEGORY = gql`
  mutation CreateCategory($input: CategoryInput!) {
    createCategory(input: $input) { __typename ${ERROR} ${INVALID} ${CONFLICT} ... on Category { id } }
  }
`;

export const UPDATE_CATEGORY = gql`
  mutation UpdateCategory($id: ID!, $input: CategoryPatch!) {
    updateCategory(id: $id, input: $input) { __typename ${ERROR} ${INVALID} ${CONFLICT} ... on Category { id } }
  }
`;

export const ARCHIVE_CATEGORY = gql`
  mutation ArchiveCategory($id: ID!, $archived: Boolean) {
    archiveCategory(id: $id, archived: $archived) { __typename ${ERROR} ... on Category { id } }
  }
`;

export const MERGE_CATEGORIES = gql`
  mutation MergeCategories($sourceIds: [ID!]!, $targetId: ID!) {
    mergeCategories(sourceIds: $sourceIds, targetId: $targetId) { __typename ${ERROR} ${INVALID} ... on Category { id name } }
  }
`;

export const BUDGETS = gql`
  query Budgets($month: Date) {
    budgets(month: $month) { ${BUDGET} }
    categories { id name emoji }
  }
`;

export const SET_BUDGET = gql`
  mutation SetBudget($input: BudgetInput!) {
    setBudget(input: $input) { __typename ${ERROR} ${INVALID} ... on BudgetUse { ${BUDGET} } }
  }
`;

export const DELETE_BUDGET = gql`
  mutation DeleteBudget($categoryId: ID, $from: Date) {
    deleteBudget(categoryId: $categoryId, from: $from) { __typename ${ERROR} ... on DeleteBudgetSuccess { ended } }
  }
`;

const RECURRING = `id kind amount { ${MONEY} } category { id name emoji archived } note frequency interval dayOfMonth dayOfWeek monthOfYear description paused ended nextRunOn`;

export const RECURRING_EXPENSES = gql`
  query RecurringExpenses {
    recurringExpenses { ${RECURRING} }
    categories { id name emoji }
  }
`;

export const CREATE_RECURRING = gql`
  mutation CreateRecurringExpense($input: NewRecurringExpense!) {
    createRecurringExpense(input: $input) { __typename ${ERROR} ${INVALID} ... on RecurringExpense { ${RECURRING} } }
  }
`;

export const UPDATE_RECURRING = gql`
  mutation UpdateRecurringExpense($id: ID!, $input: RecurringExpensePatch!) {
    updateRecurringExpense(id: $id, input: $input) { __typename ${ERROR} ${INVALID} ... on RecurringExpense { ${RECURRING} } }
  }
`;

export const PAUSE_RECURRING = gql`
  mutation PauseRecurringExpense($id: ID!) {
    pauseRecurringExpense(id: $id) { __typename ${ERROR} ... on RecurringExpense { ${RECURRING} } }
  }
`;

export const RESUME_RECURRING = gql`
  mutation ResumeRecurringExpense($id: ID!) {
    resumeRecurringExpense(id: $id) { __typename ${ERROR} ... on RecurringExpense { ${RECURRING} } }
  }
`;

export const DELETE_RECURRING = gql`
  mutation DeleteRecurringExpense($id: ID!) {
    deleteRecurringExpense(id: $id) { __typename ${ERROR} ... on DeleteRecurringExpenseSuccess { deletedId } }
  }
`;

export const REQUEST_OTP = gql`
  mutation RequestWhatsAppOtp($phoneNumber: String!, $password: String) {
    requestWhatsAppOtp(phoneNumber: $phoneNumber, password: $password) {
      __typename ${ERROR} ${INVALID} ${LIMITED} ${CONFLICT} ${PASSWORD} ... on WhatsAppOtpSent { phoneNumber expiresAt }
    }
  }
`;

export const VERIFY_OTP = gql`
  mutation VerifyWhatsAppOtp($code: String!) {
    verifyWhatsAppOtp(code: $code) { __typename ${ERROR} ${INVALID} ${LIMITED} ${CONFLICT} ... on WhatsAppLink { id phoneNumber } }
  }
`;

export const CREATE_LINK_CODE = gql`
  mutation CreateWhatsAppLinkCode($password: String) {
    createWhatsAppLinkCode(password: $password) { __typename ${ERROR} ${LIMITED} ${PASSWORD} ... on WhatsAppLinkCode { code message expiresAt } }
  }
`;

export const UNLINK_WHATSAPP = gql`
  mutation UnlinkWhatsApp($id: ID!) {
    unlinkWhatsApp(id: $id) { __typename ${ERROR} }
  }
`;

export const SANDBOX_CHAT = gql`
  query SandboxChat($phone: String!, $last: Int) {
    sandboxChat(phone: $phone, last: $last) {
      id
      direction
      text
      header
      footer
      listButton
      at
      buttons {
        id
        title
        description
      }
      listRows {
        id
        title
        description
      }
    }
  }
`;

export const SANDBOX_SEND = gql`
  mutation SandboxSend($input: SandboxSendInput!) {
    sandboxSend(input: $input) { __typename ${ERROR} ${INVALID} ... on SandboxSendSuccess { sent: message { id } } }
  }
`;

export const SETTINGS = gql`
  query Settings {
    me {
      ${USER}
      dailyDigestHour weeklyDigest reminderHour weekStartsOn localeWeekStartsOn
      apiTokens { id name prefix createdAt lastUsedAt revokedAt }
    }
  }
`;

// Apart from SETTINGS so that the rest of the page still shows if sessions fail to load.
export const SESSIONS = gql`
  query Sessions {
    me {
      sessions {
        id
        createdAt
        lastUsedAt
        userAgent
        ipAddress
        current
      }
    }
  }
`;

export const UPDATE_SETTINGS = gql`
  mutation UpdateSettings($input: SettingsInput!) {
    updateSettings(input: $input) { __typename ${ERROR} ${INVALID} }
  }
`;

export const CREATE_API_TOKEN = gql`
  mutation CreateApiToken($name: String!) {
    createApiToken(name: $name) { __typename ${ERROR} ${INVALID} ... on ApiTokenCreated { token apiToken { id name } } }
  }
`;

export const REVOKE_API_TOKEN = gql`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) { __typename ${ERROR} }
  }
`;

export const REVOKE_SESSION = gql`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id) { __typename ${ERROR} }
  }
`;

export const CHANGE_PASSWORD = gql`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename ${ERROR} ${INVALID}
    }
  }
`;

export const DELETE_ACCOUNT = gql`
  mutation DeleteAccount($password: String!) {
    deleteAccount(password: $password) { __typename ${ERROR} }
  }
`;

export const IMPORT_EXPENSES = gql`
  mutation ImportExpenses($input: ImportExpensesInput!) {
    importExpenses(input: $input) {
      __typename ${ERROR} ${INVALID} ${LIMITED}
      ... on ExpenseImport { startedAt read imported duplicates failed problems { line message } }
    }
  }
`;

// Everything an account export holds apart from the entries, which are paged (EXPORT_ENTRIES).
export const ACCOUNT_EXPORT = gql`
  query AccountExport {
    me {
      email displayName currency timeZone locale confirmAboveMinor
      dailyDigestHour weeklyDigest reminderHour weekStartsOn createdAt
      whatsAppLinks { phoneNumber verifiedAt active createdAt }
    }
    categories(includeArchived: true) { name emoji color archived aliases createdAt }
    budgetChanges { category { name } from limit { ${MONEY} } createdAt }
    recurringExpenses {
      kind amount { ${MONEY} } category { name } note frequency interval dayOfMonth dayOfWeek
      monthOfYear startsOn endsOn description paused nextRunOn lastRun createdAt
    }
  }
`;

export const EXPORT_ENTRIES = gql`
  query ExportEntries($first: Int, $after: String) {
    expenses(filter: { status: ALL }, orderBy: { field: OCCURRED_AT, direction: ASC }, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { ${EXPENSE} createdAt deletedAt } }
    }
  }
`;
