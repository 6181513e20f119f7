import type { Viewer } from './viewer.ts';
import { normalizePhone } from '#lib/phone.ts';

/** A number no real phone has (555-01xx is reserved for fiction), for trying the bot. */
export const DEMO_PHONE = '+15555550100';

/**
 * The simulated phone: the one asked for, else the linked number, else the number a
 * code was last sent to, else the demo number.
 */
export function chatPhone(asked: string | null, viewer: Viewer, pending: string | null): string {
  const chosen = asked ? normalizePhone(asked) : null;
  const linked = viewer.whatsAppLinks.find((link) => link.active && link.phoneNumber);
  return chosen ?? linked?.phoneNumber ?? pending ?? DEMO_PHONE;
}
