// What the channel says, in one place so wording changes touch no logic.
export const replies = {
  unsupported: (type: string) =>
    `Sorry, I can't read ${type === 'unknown' ? 'that kind of message' : `${type} messages`} yet. ` +
    'Send me text, like "120 petrol" or "spent 250 on lunch yesterday".',
  unknownNumber: (linkUrl: string) =>
    `Hi! I'm Spendline, your expense tracker. This number isn't linked to an account yet: ` +
    `open ${linkUrl} and send me the code it shows (or link by OTP there).`,
  linked: (name: string, dashboardUrl: string) =>
    `Hi ${name}! Your number is linked to Spendline. Recording expenses by chat is coming ` +
    `very soon; meanwhile your dashboard is at ${dashboardUrl}`,
};
