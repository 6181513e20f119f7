import { v7 } from 'uuid';

/**
 * A new row id for raw INSERTs, of the kind the schema's `uuid(7)` default gives: ordered
 * by time and, within this process, strictly increasing, so rows written in one
 * transaction (same created_at) still sort in the order they were written.
 */
export function newId(): string {
  return v7();
}
