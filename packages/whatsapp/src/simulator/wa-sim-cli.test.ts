import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulatorBanner, simulatorOptionsFromEnv } from './wa-sim-cli.ts';

const WA_SIM_BIN = fileURLToPath(new URL('../../bin/wa-sim.ts', import.meta.url));

describe('simulatorOptionsFromEnv', () => {
  it('listens on 4100 without settings', () => {
    expect(simulatorOptionsFromEnv({})).toEqual({ ok: true, options: { port: 4100 } });
  });

  it('reads port, host, failure settings and seed', () => {
    expect(
      simulatorOptionsFromEnv({
        WA_SIM_PORT: '4200',
        WA_SIM_HOST: '0.0.0.0',
        WA_SIM_FAIL_RATE: '0.25',
        WA_SIM_FAIL_WITH: '429, timeout',
        WA_SIM_SEED: '7',
      }),
    ).toEqual({
      ok: true,
      options: {
        port: 4200,
        host: '0.0.0.0',
        failRate: 0.25,
        failWith: ['429', 'timeout'],
        seed: 7,
      },
    });
  });

  it('names every bad setting at once', () => {
    const result = simulatorOptionsFromEnv({
      WA_SIM_PORT: 'eighty',
      WA_SIM_FAIL_RATE: '2',
      WA_SIM_FAIL_WITH: '429,503',
      WA_SIM_SEED: 'x',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'WA_SIM_PORT',
      'WA_SIM_FAIL_RATE',
      'WA_SIM_FAIL_WITH:',
      'WA_SIM_SEED',
    ]);
    expect(problems[2]).toMatch(/503/);
  });

  it('sets the business account up wrong with WA_SIM_ACCOUNT_FAULTS, and names unknown faults', () => {
    expect(
      simulatorOptionsFromEnv({ WA_SIM_ACCOUNT_FAULTS: 'unsubscribed, template-pending' }),
    ).toEqual({
      ok: true,
      options: { port: 4100, account: { faults: ['unsubscribed', 'template-pending'] } },
    });
    const result = simulatorOptionsFromEnv({ WA_SIM_ACCOUNT_FAULTS: 'bad-token,no-wifi' });
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^WA_SIM_ACCOUNT_FAULTS: unknown no-wifi \(use bad-token, /),
    ]);
  });
});

describe('simulatorBanner', () => {
  it('tells how to point the api at the simulator', () => {
    const banner = simulatorBanner(4100);
    expect(banner).toContain('WHATSAPP_API_URL=http://127.0.0.1:4100/v26.0');
    expect(banner).toContain('WHATSAPP_ACCESS_TOKEN=');
    expect(banner).toContain('GET http://127.0.0.1:4100/messages');
    expect(banner).toContain('WHATSAPP_BUSINESS_ACCOUNT_ID=100000000000002');
    expect(banner).toContain('npm run admin -- doctor');
  });
});

describe('bin/wa-sim.ts', () => {
  it('serves the simulator, logs sent messages and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [WA_SIM_BIN], {
      env: { ...process.env, WA_SIM_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = once(child, 'exit');
    try {
      await expect.poll(() => output, { timeout: 5000 }).toMatch(/WHATSAPP_API_URL=\S+/);
      const apiUrl = /WHATSAPP_API_URL=(\S+)/.exec(output)?.[1] ?? '';
      const response = await fetch(`${apiUrl}/100000000000001/messages`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify({
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: '919812345678',
          type: 'text',
          text: { body: 'Saved ₹120', preview_url: false },
        }),
      });
      expect(response.status).toBe(200);
      await expect
        .poll(() => output, { timeout: 5000 })
        .toMatch(/→ \+919812345678\n {2}Saved ₹120/);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it('refuses bad settings with exit code 2', async () => {
    const child = spawn(process.execPath, [WA_SIM_BIN], {
      env: { ...process.env, WA_SIM_FAIL_RATE: 'lots' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(errors).toMatch(/WA_SIM_FAIL_RATE/);
  });
});
