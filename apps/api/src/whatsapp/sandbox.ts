import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismaClient } from '@spendline/db';
import { sendJson } from '../http.ts';

/**
 * Sandbox mode's stand-in for Meta's side of the chat: what the bot "sent", listed
 * like the local Graph simulator lists what it received, so `npm run wa` and the
 * dashboard's chat simulator read replies the same way in both setups. Offered only
 * in sandbox mode outside production: it shows every chat's replies.
 */
export function listSandboxMessages(prisma: PrismaClient, phoneNumberId: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const query = new URL(req.url ?? '/', 'http://api.invalid').searchParams;
    const to = query.get('to');
    const rows = await prisma.outboundMessage.findMany({
      where: {
        providerMessageId: { startsWith: 'sandbox.' },
        ...(to ? { recipient: { in: [to, `+${to}`] } } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 200,
    });
    sendJson(
      res,
      200,
      rows.reverse().map((row) => {
        const body = row.payload as Record<string, unknown>;
        return {
          wamid: row.providerMessageId,
          phoneNumberId,
          ...(typeof body.to === 'string' ? { to: body.to } : {}),
          ...(typeof body.recipient === 'string' ? { recipient: body.recipient } : {}),
          type: row.type,
          body,
          receivedAt: (row.sentAt ?? row.createdAt).toISOString(),
        };
      }),
    );
  };
}
