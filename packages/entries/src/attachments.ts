// The evidence behind an entry: a receipt photo or a voice note. Stored in PostgreSQL
// (bytea) behind this interface, so an object store can take the bytes over later while
// the rows keep the owner, the hash and the link to the entry.
import { createHash } from 'node:crypto';
import { newId, sql, type Queries } from '@spendline/db';

/** The largest file kept: Meta's audio limit, above its image limit. */
export const MAX_ATTACHMENT_BYTES = 16 * 1024 * 1024;

export interface AttachmentFile {
  bytes: Buffer;
  mimeType: string;
}

export interface StoredAttachment {
  id: string;
  /** Hex sha256 of the bytes. */
  sha256: string;
  size: number;
  /** An entry of the same user already showing these exact bytes (the same photo again). */
  duplicateOf: string | null;
}

export interface AttachmentSummary {
  id: string;
  expenseId: string | null;
  mimeType: string;
  size: number;
  createdAt: Date;
}

export interface AttachmentStore {
  /** Keeps a user's file, not yet shown with any entry. */
  put(tx: Queries, userId: string, file: AttachmentFile): Promise<StoredAttachment>;
  /** The file, only to its owner. */
  read(
    db: Queries,
    userId: string,
    id: string,
  ): Promise<(AttachmentFile & { sha256: string }) | null>;
  /** Shows the file with an entry of the same owner; false when either is not theirs. */
  attach(tx: Queries, userId: string, id: string, expenseId: string): Promise<boolean>;
  /** The files of these entries, without their bytes. */
  listFor(db: Queries, userId: string, expenseIds: readonly string[]): Promise<AttachmentSummary[]>;
}

export class AttachmentTooLargeError extends Error {
  readonly size: number;
  constructor(size: number) {
    super(`a file of ${size} bytes is over the ${MAX_ATTACHMENT_BYTES}-byte limit`);
    this.name = 'AttachmentTooLargeError';
    this.size = size;
  }
}

export const postgresAttachments: AttachmentStore = {
  async put(tx, userId, { bytes, mimeType }) {
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AttachmentTooLargeError(bytes.length);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const [row] = await tx.rows<{ id: string; duplicate_of: string | null }>(sql`
      WITH earlier AS (
        SELECT a.expense_id FROM attachments a
        JOIN expenses e ON e.id = a.expense_id AND e.deleted_at IS NULL
        WHERE a.user_id = ${userId}::uuid AND a.sha256 = ${sha256}
        ORDER BY a.created_at LIMIT 1
      )
      INSERT INTO attachments (id, user_id, mime_type, sha256, size, bytes)
      VALUES (${newId()}::uuid, ${userId}::uuid, ${mimeType}, ${sha256}, ${bytes.length}, ${bytes})
      RETURNING id, (SELECT expense_id FROM earlier) AS duplicate_of`);
    return { id: row!.id, sha256, size: bytes.length, duplicateOf: row!.duplicate_of };
  },

  async read(db, userId, id) {
    const [row] = await db.rows<{ bytes: Uint8Array; mime_type: string; sha256: string }>(sql`
      SELECT bytes, mime_type, sha256 FROM attachments
      WHERE id = ${id}::uuid AND user_id = ${userId}::uuid`);
    if (!row) return null;
    return { bytes: Buffer.from(row.bytes), mimeType: row.mime_type, sha256: row.sha256 };
  },

  async attach(tx, userId, id, expenseId) {
    const rows = await tx.rows<{ id: string }>(sql`
      UPDATE attachments a SET expense_id = e.id
      FROM expenses e
      WHERE a.id = ${id}::uuid AND a.user_id = ${userId}::uuid
        AND e.id = ${expenseId}::uuid AND e.user_id = ${userId}::uuid
      RETURNING a.id`);
    return rows.length === 1;
  },

  async listFor(db, userId, expenseIds) {
    if (expenseIds.length === 0) return [];
    const rows = await db.rows<{
      id: string;
      expense_id: string | null;
      mime_type: string;
      size: number;
      created_at: Date;
    }>(sql`
      SELECT id, expense_id, mime_type, size, created_at FROM attachments
      WHERE user_id = ${userId}::uuid AND expense_id = ANY(${[...expenseIds]}::uuid[])
      ORDER BY created_at`);
    return rows.map((row) => ({
      id: row.id,
      expenseId: row.expense_id,
      mimeType: row.mime_type,
      size: row.size,
      createdAt: row.created_at,
    }));
  },
};
