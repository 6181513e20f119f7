import { createHmac, timingSafeEqual } from 'node:crypto';
import { blankSessionCookie, invalidateSession, invalidateUserSessions } from '@spendline/auth';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';

/**
 * A session's id for clients. The stored id is the SHA-256 of the cookie's token, so it
 * never leaves the server; a keyed hash of it names the session without revealing it.
 */
export function publicSessionId(context: GraphQLContext, sessionId: string): string {
  return createHmac('sha256', context.secretKey)
    .update(`session:${sessionId}`)
    .digest('base64url')
    .slice(0, 22);
}

function sameId(a: string, b: string): boolean {
  const [left, right] = [Buffer.from(a), Buffer.from(b)];
  return left.length === right.length && timingSafeEqual(left, right);
}

function signOutThisBrowser(context: GraphQLContext): void {
  context.setCookie(blankSessionCookie({ secure: context.secureCookies }));
  context.viewer = null;
}

builder.mutationField('revokeSession', (t) =>
  t.withAuth({ browser: true }).boolean({
    description:
      'Signs one of your sessions out (an id from me.sessions). Revoking the current one ' +
      'signs this browser out and clears its cookie.',
    args: { id: t.arg.id({ required: true }) },
    errors: {
      types: [NotFoundError],
      directResult: false,
      dataField: {
        name: 'loggedOut',
        description: 'True when the session revoked was this browser’s own.',
      },
    },
    resolve: async (_root, args, context) => {
      const wanted = String(args.id);
      const sessions = await context.prisma.session.findMany({
        where: { userId: context.viewer.user.id },
        select: { id: true },
      });
      const session = sessions.find((s) => sameId(publicSessionId(context, s.id), wanted));
      if (!session) throw new NotFoundError('Session', wanted);
      await invalidateSession(context.prisma, session.id);
      const current = session.id === context.viewer.session.id;
      if (current) signOutThisBrowser(context);
      return current;
    },
  }),
);

builder.mutationField('logoutEverywhere', (t) =>
  t.withAuth({ browser: true }).int({
    description:
      'Signs every session of yours out, this one included, and clears the cookie; returns ' +
      'how many ended. Personal API tokens stay valid (revoke them with revokeApiToken).',
    resolve: async (_root, _args, context) => {
      const ended = await invalidateUserSessions(context.prisma, context.viewer.user.id);
      signOutThisBrowser(context);
      return ended;
    },
  }),
);
