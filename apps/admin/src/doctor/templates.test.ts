import { DEFAULT_OTP_TEMPLATE } from '@spendline/graphql';
import { NOTICE_TEMPLATE } from '@spendline/whatsapp/store';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from './whatsapp.ts';

// doctor names the templates itself: importing the GraphQL schema for one name would
// cost every run seconds.
describe('the templates doctor checks', () => {
  it('are the ones the product sends', () => {
    expect(TEMPLATES.map((t) => t.name)).toEqual([DEFAULT_OTP_TEMPLATE, NOTICE_TEMPLATE]);
  });
});
