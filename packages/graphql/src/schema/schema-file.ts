import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema.ts';

/**
 * The schema as committed in schema.graphql: sorted, so a field moved between modules
 * changes nothing, and ending in a newline like any text file.
 */
export function printSchemaFile(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
