// What the bot says, from the chat catalogs of @spendline/i18n, in the user's language.
// Money and dates arrive formatted in the user's currency and locale.
import { catalogLocale, chatTranslator } from '@spendline/i18n';

const flag = (on: boolean) => (on ? 'yes' : 'no');
const quoted = (quotes: string[]) => quotes.map((q) => `"${q}"`).join(', ');

function build(tag: string) {
  const t = chatTranslator(tag);
  const examples = t('examples');
  /** "Food or Fuel or Travel", as the user's language says it. */
  const either = (names: string[]) =>
    names.reduce((first, second) => t('either', { first, second }));
  // The parser explains a botched command in English; elsewhere the examples say enough.
  const english = catalogLocale(tag) === 'en';
  return {
    t,
    saved: (amount: string, category: string | null, date: string | null) =>
      `✅ ${amount}${category ? ` · ${category}` : ''}${date ? ` · ${date}` : ''}`,
    savedIncome: (amount: string, what: string | null, date: string | null) =>
      `${t('savedIncome', { amount })}${what ? ` · ${what}` : ''}${date ? ` · ${date}` : ''}`,
    todayTotal: (total: string) => t('todayTotal', { total }),
    learned: (word: string, category: string) => t('learned', { word, category }),
    askCategory: (quote: string, reminder: boolean) =>
      t('askCategory', { quote, reminder: flag(reminder) }),
    categoryButton: t('categoryButton'),
    newCategoryRow: (word: string) => t('newCategoryRow', { word }),
    otherRow: t('otherRow'),
    askLarge: (expense: string, usual: string | null, reminder: boolean) =>
      usual
        ? t('askLargeUsual', { expense, usual, reminder: flag(reminder) })
        : t('askLarge', { expense, reminder: flag(reminder) }),
    askDuplicate: (expense: string, reminder: boolean) =>
      t('askDuplicate', { expense, reminder: flag(reminder) }),
    yes: t('yes'),
    no: t('no'),
    undoButton: t('undoButton'),
    discarded: (quote: string) => t('discarded', { quote }),
    expired: (quotes: string[]) => t('expired', { quotes: quoted(quotes), count: quotes.length }),
    expiredSaved: (quotes: string[], category: string | null) =>
      t('expiredSaved', {
        quotes: quoted(quotes),
        named: category ? 'yes' : 'no',
        category: category ?? '',
      }),
    queued: (quotes: string[]) => t('queued', { quotes: quoted(quotes) }),
    morePrices: (quote: string, amount: string) => t('morePrices', { quote, amount }),
    undone: (lines: string[]) => t('undone', { lines: lines.join(', ') }),
    nothingToUndo: t('nothingToUndo'),
    edited: (before: string, after: string) => t('edited', { before, after }),
    unchanged: (expense: string) => t('unchanged', { expense }),
    nothingToEdit: t('nothingToEdit'),
    whichCategory: (word: string, names: string[]) =>
      t('whichCategory', {
        word,
        names: either(names),
        example: names[0]?.toLowerCase() ?? 'food',
      }),
    noSuchCategory: (word: string) => t('noSuchCategory', { word }),
    notUnderstood: (text: string, detail: string) =>
      t('notUnderstood', { text, detail: english ? detail : '', examples }),
    staleChoice: t('staleChoice'),
    unsupported: (type: string) =>
      type === 'unknown'
        ? t('unsupportedUnknown', { examples })
        : t('unsupported', { type, examples }),
    unknownNumber: (linkUrl: string) => t('unknownNumber', { linkUrl }),
    otpHere: (linkUrl: string) => t('otpHere', { linkUrl }),
    linked: (name: string) => t('linked', { name, examples }),
    linkFailed: t('linkFailed'),
    linkTaken: t('linkTaken'),
    linkRateLimited: t('linkRateLimited'),
    alreadyLinked: (name: string) => t('alreadyLinked', { name }),
    snapshotReset: t('snapshotReset'),
    languageChanged: t('languageChanged'),
    help: (dashboardUrl: string) => t('help', { examples, dashboardUrl }),
    noBudgets: t('noBudgets'),
    budgetHint: t('budgetHint'),
    noBudgetFor: (category: string) =>
      t('noBudgetFor', { category, example: category.toLowerCase() }),
    whichBudget: (word: string, names: string[]) =>
      t('whichBudget', { word, names: either(names), example: names[0]?.toLowerCase() ?? 'food' }),
    budgetSet: (name: string, amount: string, month: string) =>
      t('budgetSet', { name, amount, month }),
    digestsStopped: (settingsUrl: string) => t('digestsStopped', { settingsUrl }),
    noDigests: t('noDigests'),
    recurringSaved: (expense: string, rule: string, first: string, manageUrl: string) =>
      t('recurringSaved', { expense, rule, first, manageUrl }),
    recurringRecorded: (income: boolean, what: string, days: string) =>
      t(income ? 'recurringRecordedIncome' : 'recurringRecordedExpense', { what, days }),
    recurringNever: t('recurringNever'),
    statementComing: (month: string) => t('statementComing', { month }),
    notYet: (dashboardUrl: string) => t('notYet', { dashboardUrl }),
    more: (dashboardUrl: string) => t('more', { dashboardUrl }),
    page: (page: number, pages: number) => t('page', { page, pages }),
    moreButton: t('moreButton'),
  };
}

export type Replies = ReturnType<typeof build>;

const byTag = new Map<string, Replies>();

/** The bot's replies in the language of a user's tag (users.locale), built once per tag. */
export function repliesFor(tag: string): Replies {
  let replies = byTag.get(tag);
  if (!replies) {
    replies = build(tag);
    byTag.set(tag, replies);
  }
  return replies;
}
