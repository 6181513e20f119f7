import { describe, expect, it } from 'vitest';
import { isCrossSiteForm } from './form-origin.ts';

const form = (origin: string | null, method = 'POST', type = 'application/x-www-form-urlencoded') =>
  new Request('https://localhost:3000/login/', {
    method,
    headers: { 'content-type': type, ...(origin ? { origin } : {}) },
    body: method === 'GET' ? null : 'email=a',
  });

describe('isCrossSiteForm', () => {
  it('accepts a form posted from this host over plain HTTP', () => {
    expect(isCrossSiteForm(form('http://localhost:3000'), 'localhost:3000')).toBe(false);
  });

  it('refuses a form posted from another site, another port or without Origin', () => {
    expect(isCrossSiteForm(form('http://evil.example'), 'localhost:3000')).toBe(true);
    expect(isCrossSiteForm(form('http://localhost:4000'), 'localhost:3000')).toBe(true);
    expect(isCrossSiteForm(form(null), 'localhost:3000')).toBe(true);
    expect(isCrossSiteForm(form('null'), 'localhost:3000')).toBe(true);
  });

  it('leaves JSON requests (GraphQL, webhooks) and safe methods alone', () => {
    expect(isCrossSiteForm(form('http://evil.example', 'POST', 'application/json'), 'a')).toBe(
      false,
    );
    expect(isCrossSiteForm(form('http://evil.example', 'GET'), 'localhost:3000')).toBe(false);
  });
});
