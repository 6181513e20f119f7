// Loaded with --import before anything else, in the main thread and (through the
// inherited execArgv) in every worker thread: any attempt to reach the network is
// reported on stderr and fails, so a test can prove that reading needs no network.
import net from 'node:net';
import { isMainThread } from 'node:worker_threads';

function refuse(what: string): never {
  process.stderr.write(`network attempt: ${what}\n`);
  throw new Error('This process is offline.');
}

globalThis.fetch = (input: string | URL | Request) =>
  refuse(`fetch ${input instanceof Request ? input.url : input.toString()}`);
net.Socket.prototype.connect = function connect(): never {
  return refuse('socket connect');
};
process.stderr.write(`network blocked in ${isMainThread ? 'the main thread' : 'a worker'}\n`);
