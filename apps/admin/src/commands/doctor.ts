import type { Command } from '../cli.ts';
import { formatReport, runDoctor } from '../doctor/doctor.ts';

export const doctor: Command = {
  summary:
    "check the configuration, the database, Meta's setup, PUBLIC_URL, the webhook route, the outbox and the scheduler",
  usage: 'doctor [--json]   (exit code 1 when a check fails)',
  options: { json: { type: 'boolean' } },
  reportsConfiguration: true,
  async run(values, { environment, out }) {
    const results = await runDoctor({ environment });
    if (values.json) out(JSON.stringify(results, null, 2));
    else for (const line of formatReport(results)) out(line);
    return results.some((result) => result.status === 'FAIL') ? 1 : 0;
  },
};
