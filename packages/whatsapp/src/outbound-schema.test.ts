import { describe, expect, it } from 'vitest';
import {
  authenticationTemplate,
  documentMessage,
  listMessage,
  replyButtons,
  templateMessage,
  textMessage,
} from './messages.ts';
import { outboundMessageSchema } from './outbound-schema.ts';

describe('the outbound message schema', () => {
  it('accepts every body the builders make, to a number or a BSUID, unchanged', () => {
    const bodies = [
      textMessage('919812345678', 'Saved ₹120 for Fuel'),
      textMessage('IN.1234567890abcdef', 'hello'),
      replyButtons(
        '919812345678',
        'Which one?',
        [
          { id: 'undo', title: 'Undo' },
          { id: 'keep', title: 'Keep' },
        ],
        { header: 'Saved', footer: 'Spendline' },
      ),
      listMessage('919812345678', 'Pick a category', 'Categories', [
        { title: 'Yours', rows: [{ id: 'c1', title: 'Food', description: 'meals' }] },
      ]),
      templateMessage('919812345678', 'spendline_notice', 'en', [
        { type: 'body', parameters: [{ type: 'text', text: '80% used' }] },
      ]),
      authenticationTemplate('919812345678', '123456', 'en'),
      documentMessage('919812345678', { id: '1234', filename: 'a.pdf', caption: 'November' }),
      documentMessage('IN.1234567890abcdef', {
        link: 'https://example.com/a.pdf',
        filename: 'a.pdf',
      }),
    ];
    for (const body of bodies) {
      expect(outboundMessageSchema.parse(JSON.parse(JSON.stringify(body)))).toEqual(body);
    }
  });

  it('refuses a body missing its addressee, its text or of an unknown type', () => {
    const text = textMessage('919812345678', 'hi');
    for (const bad of [
      { ...text, to: undefined },
      { ...text, text: { preview_url: false } },
      { ...text, type: 'sticker' },
      { ...text, messaging_product: 'sms' },
      null,
      'hi',
    ]) {
      expect(outboundMessageSchema.safeParse(bad).success).toBe(false);
    }
  });
});
