// What the channel says, in one place so wording changes touch no logic.
export const replies = {
  unsupported: (type: string) =>
    `Sorry, I can't read ${type === 'unknown' ? 'that kind of message' : `${type} messages`} yet. ` +
    'Send me text, like "120 petrol" or "spent 250 on lunch yesterday".',
  unknownNumber: (linkUrl: string) =>
    `Hi! I'm Spendline, your expense tracker. This number isn't linked to an account yet: ` +
    `open ${linkUrl} and send me the code it shows (or link by OTP there).`,
  buttonsNotYet:
    'Got it. Type what you spent, like "120 petrol", or "help" to see what I understand.',
  saved: (amount: string, category: string | null, date: string | null, guessed: boolean) =>
    `✅ ${amount}${category ? ` · ${category}` : ''}${date ? ` · ${date}` : ''}` +
    (guessed ? ' (category unclear: change it on the dashboard)' : ''),
  todayTotal: (total: string) => `Today so far: ${total}`,
  statement: (title: string, total: string, lines: string[]) =>
    [`*${title}*: ${total}`, ...lines].join('\n'),
  nothingSpent: (title: string) => `*${title}*: nothing recorded.`,
  categories: (names: string[]) => `Your categories:\n${names.join('\n')}`,
  undone: (amount: string, category: string | null) =>
    `↩️ Removed ${amount}${category ? ` · ${category}` : ''}.`,
  nothingToUndo: 'There is nothing to undo.',
  help: (dashboardUrl: string) =>
    [
      'Send what you spent: "120 petrol", "spent 250 on lunch yesterday", "50 tea, 120 auto".',
      'Ask: "today", "yesterday", "week", "month", "summary", "categories", "undo".',
      `Charts, budgets and editing: ${dashboardUrl}`,
    ].join('\n'),
  notYet: (dashboardUrl: string) =>
    `I can't do that from the chat yet; you can on the dashboard: ${dashboardUrl}`,
  notUnderstood: (detail: string) => `🤔 ${detail} Send "help" for examples.`,
};
