import type { GraphQLContext } from './context.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Matches no row: stands in for ids that are not UUIDs, so a forged global id is
// "not found" rather than a database type error.
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export function asUuid(id: string): string {
  return uuidPattern.test(id) ? id : NIL_UUID;
}

/**
 * The where clause for one of the viewer's rows. Every lookup by id goes through
 * here (or nodeWhere), so another user's id finds nothing.
 */
export function ownedWhere(context: GraphQLContext, id: string): { id: string; userId: string } {
  return { id: asUuid(id), userId: context.viewer?.user.id ?? NIL_UUID };
}
