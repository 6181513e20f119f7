import { terminalProgress } from './progress.ts';
import { runAdmin } from './run.ts';

const code = await runAdmin(process.argv.slice(2), {
  envFile: '.env',
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  progress: terminalProgress,
});
// The schema engine leaves a timer behind after migrating; do not wait for it.
process.exit(code);
