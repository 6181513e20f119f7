import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildSchema,
  Kind,
  parse,
  validate,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';

// The api refuses deeper documents (packages/graphql server/handler.ts, QUERY_LIMITS.maxDepth),
// counting a field as one level, an inline fragment as one more and a fragment spread
// as two more, so a document can pass the schema and still be refused.
const MAX_DEPTH = 6;

const src = new URL('../../', import.meta.url).pathname;

async function sourceFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await sourceFiles(path)));
    else if (/\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      files.push(path);
    }
  }
  return files;
}

/** Every definition written with graphql(`...`) in the app's sources. */
async function definitions(): Promise<DefinitionNode[]> {
  const found: DefinitionNode[] = [];
  for (const file of await sourceFiles(src)) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(/graphql\(\s*`([^`]*)`/g)) {
      // @_unmask is gql.tada's own directive, removed before a document is sent.
      found.push(...parse(match[1]!.replaceAll('@_unmask', '')).definitions);
    }
  }
  return found;
}

function depth(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
): number {
  let deepest = 0;
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, 1 + depth(selection.selectionSet, fragments));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, 1 + depth(selection.selectionSet, fragments));
    } else {
      const fragment = fragments.get(selection.name.value);
      deepest = Math.max(deepest, 2 + depth(fragment?.selectionSet, fragments));
    }
  }
  return deepest;
}

describe('the GraphQL documents of the web app', async () => {
  const schema = buildSchema(
    await readFile(
      new URL('../../../../../packages/graphql/schema.graphql', import.meta.url),
      'utf8',
    ),
  );
  const all = await definitions();
  const fragments = new Map(
    all
      .filter((node): node is FragmentDefinitionNode => node.kind === Kind.FRAGMENT_DEFINITION)
      .map((node) => [node.name.value, node]),
  );
  const operations = all.filter(
    (node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION,
  );

  it('are found', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  it.each(operations.map((operation) => [operation.name?.value ?? '', operation] as const))(
    '%s is valid against schema.graphql and within the api’s depth limit',
    (_name, operation) => {
      const document: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [operation, ...fragments.values()],
      };
      const problems = validate(schema, document)
        .map((problem) => problem.message)
        // The fragments are pooled for every operation; unused ones are not sent.
        .filter((message) => !/^Fragment ".*" is never used\.$/.test(message));
      expect(problems).toEqual([]);
      expect(depth(operation.selectionSet, fragments)).toBeLessThanOrEqual(MAX_DEPTH);
    },
  );
});
