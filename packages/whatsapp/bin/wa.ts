// Talks to the api as a WhatsApp user: node packages/whatsapp/bin/wa.ts --help
import { runWa } from '../src/simulator/wa-cli.ts';

process.exitCode = await runWa(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
