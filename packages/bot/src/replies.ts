// What the bot says, in one place so wording changes touch no logic. Money and
// dates arrive formatted in the user's currency and locale.

const EXAMPLES = '"120 petrol" or "spent 250 on lunch yesterday"';

export const replies = {
  saved: (amount: string, category: string | null, date: string | null) =>
    `✅ ${amount}${category ? ` · ${category}` : ''}${date ? ` · ${date}` : ''}`,
  savedIncome: (amount: string, what: string | null, date: string | null) =>
    `💰 Income ${amount}${what ? ` · ${what}` : ''}${date ? ` · ${date}` : ''}`,
  todayTotal: (total: string) => `Today so far: ${total}`,
  learned: (word: string, category: string) => `Noted: "${word}" goes to ${category} from now on.`,
  askCategory: (quote: string, reminder: boolean) =>
    `${reminder ? 'Still waiting: which' : 'Which'} category for "${quote}"?`,
  categoryButton: 'Choose category',
  newCategoryRow: (word: string) => `New: ${word}`,
  otherRow: 'Other',
  askLarge: (expense: string, usual: string | null, reminder: boolean) =>
    `${reminder ? 'Still waiting: ' : ''}${expense} is ${usual ? `much more than your usual ${usual}` : 'a large amount'}. Save anyway?`,
  askDuplicate: (expense: string, reminder: boolean) =>
    `${reminder ? 'Still waiting: ' : ''}You saved ${expense} a few minutes ago. Save it again?`,
  yes: 'Yes, save',
  no: 'No',
  undoButton: 'Undo',
  discarded: (quote: string) => `OK, not saved: "${quote}".`,
  expired: (quotes: string[]) =>
    `No answer about ${quotes.map((q) => `"${q}"`).join(', ')} in time, so I didn't save it. Send it again if you want it.`,
  undone: (lines: string[]) => `↩️ Removed ${lines.join(', ')}.`,
  nothingToUndo: 'There is nothing to undo.',
  edited: (before: string, after: string) => `✏️ Changed ${before} to ${after}.`,
  nothingToEdit: 'There is no expense from this chat to change yet.',
  whichCategory: (word: string, names: string[]) =>
    `"${word}" could be ${names.join(' or ')}: say which, e.g. "edit last category ${names[0]?.toLowerCase() ?? 'food'}".`,
  noSuchCategory: (word: string) =>
    `You have no category called "${word}". Send "categories" to see them, or add it on the dashboard.`,
  notUnderstood: (text: string, detail: string) =>
    `🤔 I didn't understand "${text}". ${detail}\nTry ${EXAMPLES}, or send "help".`,
  staleChoice: 'That button belongs to an earlier question, so I did nothing.',
  unsupported: (type: string) =>
    `Sorry, I can't read ${type === 'unknown' ? 'that kind of message' : `${type} messages`} yet. ` +
    `Send me text, like ${EXAMPLES}.`,
  unknownNumber: (linkUrl: string) =>
    `Hi! I'm Spendline, your expense tracker. This number isn't linked to an account yet: ` +
    `open ${linkUrl} and send me the code it shows ("LINK 12345678"), or link by OTP there.`,
  otpHere: (linkUrl: string) =>
    `That looks like a verification code: type it on the website (${linkUrl}), not here.`,
  linked: (name: string) =>
    `Hi ${name}! 🎉 This number is now linked to your Spendline account.\nTry ${EXAMPLES}.`,
  linkFailed:
    'That code is wrong or has expired. Get a new one on the dashboard and send "LINK <code>".',
  linkTaken:
    'This number is linked to another Spendline account. Unlink it there first, or link by OTP.',
  linkRateLimited: 'Too many codes tried from this number. Wait 15 minutes and try again.',
  alreadyLinked: (name: string) => `This number is already linked to ${name}'s account.`,
  snapshotReset: 'I was updated and lost the question I had asked; please send that expense again.',
  help: (dashboardUrl: string) =>
    [
      `*Record*: ${EXAMPLES}, "50 tea, 120 auto".`,
      '*Ask*: today · yesterday · week · month · summary · march · category food · categories · last 5',
      '*Fix*: undo · delete last · edit last 150',
      '*Budgets*: budget · budget food 5000 · budget 40000',
      '*Repeat*: every month 15000 rent on 1st · every week 300 cleaning',
      `Charts, budgets and editing: ${dashboardUrl}`,
    ].join('\n'),
  noBudgets:
    'No budgets yet. Send "budget 40000" for the whole month, or "budget food 5000" for a category.',
  budgetHint: 'Change one: "budget food 6000". Remove one on the dashboard.',
  noBudgetFor: (category: string) =>
    `${category} has no budget. Set one: "budget ${category.toLowerCase()} 5000".`,
  whichBudget: (word: string, names: string[]) =>
    `"${word}" could be ${names.join(' or ')}: say which, e.g. "budget ${names[0]?.toLowerCase() ?? 'food'} 5000".`,
  budgetSet: (name: string, amount: string, month: string) =>
    `✅ ${name}: ${amount} a month, from ${month}.`,
  digestsStopped: (settingsUrl: string) =>
    `🔕 Digests and reminders are off. Turn them back on in Settings: ${settingsUrl}`,
  noDigests: 'You get no digests or reminders. Turn them on in Settings on the dashboard.',
  recurringSaved: (expense: string, rule: string, first: string, manageUrl: string) =>
    `🔁 ${expense}, ${rule}. First on ${first}.\nPause, change or delete it: ${manageUrl}`,
  recurringRecorded: (verb: string, what: string, days: string) =>
    `🔁 ${verb} ${what} (recurring, ${days}).`,
  recurringNever: 'That never comes round: no day matches it. Try "every month 15000 rent on 1st".',
  statementComing: (month: string) =>
    `📄 Making your ${month} statement: the PDF follows in a moment.`,
  notYet: (dashboardUrl: string) =>
    `That isn't in the chat yet; the dashboard has it: ${dashboardUrl}`,
  more: (dashboardUrl: string) => `…more on the dashboard: ${dashboardUrl}`,
  page: (page: number, pages: number) => `_Page ${page} of ${pages}_`,
  moreButton: 'More',
};
