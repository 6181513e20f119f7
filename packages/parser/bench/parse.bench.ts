// Messages per second over the whole corpus, the slowest corpus message, and the cost of
// hostile 4,096-character inputs. Run with `npm run bench` (Node runs the TypeScript
// directly); it exits non-zero if throughput falls below the target.

import { Bench, type Task } from 'tinybench';
import { contexts } from '../src/corpus/contexts.ts';
import { contextOf, corpus } from '../src/corpus/corpus.ts';
import { languages } from '../src/corpus/languages.ts';
import { parse } from '../src/index.ts';
import type { ParseContext } from '../src/index.ts';

const TARGET_PER_SECOND = 100_000;

interface Message {
  text: string;
  context: ParseContext;
}

const messages: Message[] = [
  ...corpus.map((entry) => ({ text: entry.text, context: contextOf(entry) })),
  ...Object.values(languages)
    .flat()
    .map((entry) => ({ text: entry.text, context: contexts[entry.context] })),
];

function completed(task: Task) {
  const result = task.result;
  if (result.state !== 'completed' && result.state !== 'aborted-with-statistics') {
    throw new Error(
      `${task.name}: ${result.state === 'errored' ? result.error.message : result.state}`,
    );
  }
  return result;
}

const us = (ms: number) => (ms * 1000).toFixed(2);
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

// --- Whole corpus ---------------------------------------------------------------------

const throughput = new Bench({ name: 'corpus', time: 3000, warmupTime: 1000 });
throughput.add('corpus pass', () => {
  for (const message of messages) parse(message.text, message.context);
});
await throughput.run();
const [passTask] = throughput.tasks;
if (passTask === undefined) throw new Error('no corpus task');
const pass = completed(passTask);
const medianRate = messages.length * pass.throughput.p50;
const meanRate = messages.length * pass.throughput.mean;

// --- One message at a time, to find the slowest ----------------------------------------

const single = new Bench({ name: 'messages', time: 10, warmupTime: 2, iterations: 50 });
for (const [i, message] of messages.entries()) {
  single.add(String(i), () => parse(message.text, message.context));
}
await single.run();
const perMessage = single.tasks
  .map((task) => ({ message: messages[Number(task.name)], latency: completed(task).latency }))
  .sort((a, b) => b.latency.p50 - a.latency.p50);

// --- Hostile input at WhatsApp's length limit ------------------------------------------

const hostile: Record<string, string> = {
  'random printable ASCII': Array.from({ length: 4096 }, (_, i) =>
    String.fromCharCode(32 + ((i * 7919) % 95)),
  ).join(''),
  'random BMP code points': Array.from({ length: 4096 }, (_, i) =>
    String.fromCharCode(32 + ((i * 7919) % 55_000)),
  ).join(''),
  '1+1+1+...': '1+'.repeat(2048),
  '1,1,1,...': '1,'.repeat(2048),
  'typo typo typo...': 'petrl '.repeat(682),
  '4096 digits': '9'.repeat(4096),
  '819 expenses': '1 a, '.repeat(819),
  '1365 lines': 'x\n5 '.repeat(1365),
  '4096 emoji': '🙂'.repeat(2048),
};
const worst = new Bench({ name: 'hostile', time: 300, warmupTime: 100 });
for (const [name, text] of Object.entries(hostile))
  worst.add(name, () => parse(text, contexts.india));
await worst.run();

// --- Report --------------------------------------------------------------------------

console.log(`\n@spendline/parser benchmark: Node ${process.version}, one thread, tinybench`);
console.log(`corpus: ${messages.length} messages\n`);
console.table({
  'messages per second (median)': thousands(medianRate),
  'messages per second (mean)': `${thousands(meanRate)} ± ${pass.throughput.rme.toFixed(2)}%`,
  'corpus pass, median': `${pass.latency.p50.toFixed(3)} ms`,
  'corpus pass, p99': `${pass.latency.p99.toFixed(3)} ms`,
  'average per message': `${us(pass.latency.p50 / messages.length)} µs`,
  samples: pass.latency.samplesCount,
});

console.log('\nslowest corpus messages (median of repeated parses):');
console.table(
  perMessage.slice(0, 5).map(({ message, latency }) => ({
    message: message?.text ?? '',
    'median µs': us(latency.p50),
    'p99 µs': us(latency.p99),
  })),
);

console.log('\nhostile input at the 4,096-character limit:');
console.table(
  worst.tasks.map((task) => {
    const result = completed(task);
    return {
      input: task.name,
      'median ms': result.latency.p50.toFixed(3),
      'max ms': result.latency.max.toFixed(3),
    };
  }),
);

const verdict = medianRate >= TARGET_PER_SECOND ? 'PASS' : 'FAIL';
console.log(
  `\ntarget >= ${thousands(TARGET_PER_SECOND)} messages/s: ${verdict} (${thousands(medianRate)})`,
);
if (verdict === 'FAIL') process.exitCode = 1;
