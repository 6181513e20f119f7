import { terminalProgress } from './progress.ts';
import { runAdmin } from './run.ts';
import { readSecretFromStdin } from './secret-input.ts';

const code = await runAdmin(process.argv.slice(2), {
  envFile: '.env',
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  // The detail of an unexpected failure, for whoever looks into it: DEBUG=1 npm run admin ...
  log: (error) => {
    if (process.env.DEBUG) console.error(error);
  },
  progress: terminalProgress,
  readSecret: readSecretFromStdin,
});
// The schema engine leaves a timer behind after migrating; do not wait for it.
process.exit(code);
