import { describe, expect, it } from 'vitest';
import { refusal } from './refusal.ts';

/** The parts of a request event a refusal reads the language from. */
function event(options: { cookie?: string; header?: string }) {
  const headers = new Headers(options.header ? { 'accept-language': options.header } : {});
  return {
    cookies: { get: (name: string) => (name === 'locale' ? options.cookie : undefined) },
    request: { headers },
  };
}

describe('refusal', () => {
  it('answers a Portuguese reader in Portuguese, with the status asked for', async () => {
    const response = await refusal(event({ header: 'pt-BR,pt;q=0.9' }), 413, 'request.tooLarge');
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-language')).toBe('pt-BR');
    expect(await response.text()).toBe('O que você enviou é grande demais.');
  });

  it('says each refusal in words, never the bare status', async () => {
    const portuguese = event({ header: 'pt-BR' });
    const host = await refusal(portuguese, 400, 'request.unknownHost');
    expect([host.status, await host.text()]).toEqual([400, 'Este site não atende neste endereço.']);
    const form = await refusal(portuguese, 403, 'request.crossSite');
    expect([form.status, await form.text()]).toEqual([
      403,
      'Formulários enviados de outros sites são recusados.',
    ]);
  });

  it('follows the language picked on a sign-in page over the browser’s', async () => {
    const response = await refusal(
      event({ cookie: 'hi-IN', header: 'pt-BR' }),
      413,
      'request.tooLarge',
    );
    expect(response.headers.get('content-language')).toBe('hi-IN');
    expect(await response.text()).toBe('आपने जो भेजा वह बहुत बड़ा है।');
  });
});
