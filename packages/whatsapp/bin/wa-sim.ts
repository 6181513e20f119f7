// Runs the fake Graph API for local development: node packages/whatsapp/bin/wa-sim.ts
import { startGraphSimulator } from '../src/simulator/graph-simulator.ts';
import { formatReply } from '../src/simulator/wa-cli.ts';
import { simulatorBanner, simulatorOptionsFromEnv } from '../src/simulator/wa-sim-cli.ts';

const settings = simulatorOptionsFromEnv(process.env);
if (!settings.ok) {
  console.error(`wa-sim: ${settings.problems.join('\n        ')}`);
  process.exit(2);
}

const simulator = await startGraphSimulator({
  ...settings.options,
  onMessage: (message) => {
    const to = message.to ? `+${message.to}` : message.recipient;
    console.log(`[${message.receivedAt}] ${message.wamid} → ${to}\n  ${formatReply(message.body)}`);
  },
});
console.log(simulatorBanner(Number(new URL(simulator.url).port)));
if (settings.options.failRate) {
  console.log(`Failing ${settings.options.failRate * 100}% of sends.`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
