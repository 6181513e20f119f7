// Prints the built schema to schema.graphql, which clients type their documents against.
// `--check` prints nothing and fails when the committed file is not what the code builds.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printSchemaFile } from '../src/schema/schema-file.ts';

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const printed = printSchemaFile();

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== printed) {
    console.error(
      'packages/graphql/schema.graphql is not the schema the code builds. Run `npm run schema:print` and commit the result.',
    );
    process.exit(1);
  }
  console.log('schema.graphql matches the built schema.');
} else {
  await writeFile(target, printed);
  console.log(`wrote ${target}`);
}
