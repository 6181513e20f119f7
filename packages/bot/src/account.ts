import { sql, userColumns, type Queries, type User } from '@spendline/db';
import type { WhatsAppUser } from '@spendline/whatsapp';
import {
  recentExpenses,
  recentMedian,
  type RecentExpense,
  type SpendingHistory,
} from './spending-history.ts';

type Tx = Queries;

/** A category as the parser matches words against it. */
export interface CategoryEntry {
  id: string;
  name: string;
  nameKey: string;
  aliases: string[];
}

/** The account a chat belongs to, with what reading an expense needs. */
export interface ChatAccount {
  user: User;
  /** Live (unarchived) categories with their learned aliases. */
  categories: CategoryEntry[];
  history: SpendingHistory;
  /** Whether the user ever set a budget: only then does saving check for alerts. */
  budgeted: boolean;
}

interface AccountRow extends User {
  linkId: string;
  linkBsuid: string | null;
  linkPhone: string | null;
  categories: CategoryEntry[];
  usualMinor: string | null;
  recentExpenses: RecentExpense[];
  budgeted: boolean;
}

const ownId = sql`u.id`;

/**
 * The account linked to the sender, its categories and its recent spending as of `now`
 * (for the checks before saving), in one round trip: every message needs most of it.
 * Completes the link with whatever identity Meta now sends; a BSUID match wins over a
 * phone-number match.
 */
export async function accountOf(
  tx: Tx,
  sender: WhatsAppUser,
  now: Date,
): Promise<ChatAccount | null> {
  const bsuid = sender.bsuid ?? null;
  const phone = sender.phoneNumber ?? null;
  if (!bsuid && !phone) return null;
  const [row] = await tx.rows<AccountRow>(sql`
    SELECT l.id::text AS "linkId", l.bsuid AS "linkBsuid", l.phone_number AS "linkPhone",
           ${userColumns('u')},
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', c.id, 'name', c.name, 'nameKey', c.name_key,
                      'aliases', COALESCE((SELECT json_agg(a.alias) FROM category_aliases a
                                            WHERE a.category_id = c.id), '[]'::json)))
             FROM categories c WHERE c.user_id = u.id AND c.archived_at IS NULL
           ), '[]'::json) AS categories,
           -- A threshold the user set needs no median.
           CASE WHEN u.confirm_above_minor IS NULL
                THEN ${recentMedian(ownId, sql`u.currency`)} END AS "usualMinor",
           ${recentExpenses(ownId, now)} AS "recentExpenses",
           EXISTS (SELECT 1 FROM budgets b WHERE b.user_id = u.id) AS budgeted
    FROM whatsapp_links l JOIN users u ON u.id = l.user_id
    WHERE l.active AND (l.bsuid = ${bsuid} OR l.phone_number = ${phone})
    ORDER BY l.bsuid = ${bsuid} DESC NULLS LAST
    LIMIT 1`);
  if (!row) return null;
  const {
    linkId,
    linkBsuid,
    linkPhone,
    categories,
    usualMinor,
    recentExpenses: recent,
    budgeted,
    ...user
  } = row;
  if ((!linkBsuid && bsuid) || (!linkPhone && phone)) {
    await tx.execute(sql`
      UPDATE whatsapp_links
         SET bsuid = ${linkBsuid ?? bsuid}, phone_number = ${linkPhone ?? phone}, updated_at = now()
       WHERE id = ${linkId}::uuid`);
  }
  return { user, categories, history: { usualMinor, recent }, budgeted };
}
