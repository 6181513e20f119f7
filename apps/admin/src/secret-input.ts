import { stdin, stderr } from 'node:process';
import { InputError } from './cli.ts';

export interface SecretOptions {
  /** On a terminal, ask twice and refuse a mismatch; piped input is read once. */
  confirm?: boolean;
}

export type ReadSecret = (prompt: string, options?: SecretOptions) => Promise<string>;

/** One line typed at the terminal without echo (Ctrl-C aborts). */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(prompt);
    let typed = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

/** Reads a secret from the terminal (hidden) or from the first line of piped stdin. */
export const readSecretFromStdin: ReadSecret = async (prompt, options = {}) => {
  if (!stdin.isTTY) return firstLineOfStdin();
  const secret = await askHidden(prompt);
  if (options.confirm && (await askHidden('Again: ')) !== secret)
    throw new InputError('The two passwords differ; nothing was changed.');
  return secret;
};
