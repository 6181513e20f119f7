import { describe, expect, it } from 'vitest';
import { findChromium, noChromiumMessage } from './chromium.ts';

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe('finding Chromium for the browser tests', () => {
  it('takes the first usual place that has one, not only /usr/bin/chromium', () => {
    expect(findChromium({}, only('/snap/bin/chromium', '/usr/bin/google-chrome')).path).toBe(
      '/usr/bin/google-chrome',
    );
    expect(findChromium({}, only('/usr/bin/chromium-browser')).path).toBe(
      '/usr/bin/chromium-browser',
    );
  });

  it('uses CHROMIUM_PATH when set, and nothing else even when it is missing', () => {
    const env = { CHROMIUM_PATH: '/opt/chrome/chrome' };
    expect(findChromium(env, only('/opt/chrome/chrome')).path).toBe('/opt/chrome/chrome');
    const missing = findChromium(env, only('/usr/bin/chromium'));
    expect(missing).toMatchObject({ path: undefined, looked: ['/opt/chrome/chrome'] });
  });

  it('says where it looked and how to install one, and whether the tests skip or fail', () => {
    const skipped = findChromium({}, only());
    expect(skipped.required).toBe(false);
    const said = noChromiumMessage(skipped);
    expect(said).toContain('SKIPPED');
    expect(said).toContain('/usr/bin/chromium, /usr/bin/chromium-browser');
    expect(said).toContain('apt-get install -y chromium');
    expect(said).toContain('CHROMIUM_PATH');

    const required = findChromium({ REQUIRE_BROWSER: '1' }, only());
    expect(required.required).toBe(true);
    expect(noChromiumMessage(required)).toContain('FAIL');
  });
});
