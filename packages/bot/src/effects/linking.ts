// The effects for a number not linked yet: how to link it, and redeeming a LINK code.
import { consume, RATE_LIMITS, redeemLinkCode } from '@spendline/auth';
import { sql } from '@spendline/db';
import { sayTo, type EffectScope, type FamilyHandlers } from './scope.ts';

async function link(scope: EffectScope, code: string): Promise<string> {
  const { tx, sender, now } = scope;
  if (scope.user) return sayTo(scope).alreadyLinked(scope.user.displayName);
  const { limit, windowMs } = RATE_LIMITS.linkCodePerSender;
  const who = sender.bsuid ?? sender.phoneNumber ?? scope.conversationId;
  const allowance = await consume(tx, `link:wa:${who}`, limit, windowMs, now);
  if (!allowance.allowed) return sayTo(scope).linkRateLimited;
  const result = await redeemLinkCode(tx, {
    code,
    phoneNumber: sender.phoneNumber ?? null,
    bsuid: sender.bsuid ?? null,
    secretKey: scope.secretKey,
    now,
  });
  if (!result.ok)
    return result.reason === 'number_taken' ? sayTo(scope).linkTaken : sayTo(scope).linkFailed;
  const [user] = await tx.rows<{ displayName: string; locale: string }>(sql`
    SELECT display_name AS "displayName", locale FROM users WHERE id = ${result.link.userId}::uuid`);
  if (!user) throw new Error('the linked account is gone');
  // From here on the chat speaks the account's language.
  scope.locale = user.locale;
  return sayTo(scope).linked(user.displayName);
}

export const linkingHandlers: FamilyHandlers<'linkHelp' | 'link'> = {
  linkHelp(effect, { scope, reply }) {
    reply.parts.push(
      /^\s*\d{6}\s*$/.test(effect.text)
        ? sayTo(scope).otpHere(scope.linkUrl)
        : sayTo(scope).unknownNumber(scope.linkUrl),
    );
  },
  async link(effect, { scope, reply }) {
    reply.parts.push(await link(scope, effect.code));
  },
};
