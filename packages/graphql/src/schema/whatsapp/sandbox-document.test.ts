import type { OutboundMessage } from '@spendline/db';
import { documentMessage } from '@spendline/whatsapp';
import { describe, expect, it } from 'vitest';
import { outboundToSandbox } from './sandbox-messages.ts';

describe('a document in the sandbox chat', () => {
  it('shows its file name, caption and the link to download it', () => {
    const body = documentMessage('+919812345678', {
      link: 'http://localhost:3000/dashboard/statement/2026-11.pdf',
      filename: 'spendline-statement-2026-11.pdf',
      caption: '📄 Your statement for November 2026: ₹450.00 spent.',
    });
    const row = {
      id: '0190a0a0-0000-7000-8000-000000000001',
      payload: JSON.parse(JSON.stringify(body)) as unknown,
      createdAt: new Date('2026-12-03T06:00:00Z'),
      providerMessageId: 'sandbox.1',
    } as OutboundMessage;
    expect(outboundToSandbox(row).text).toBe(
      [
        '📄 spendline-statement-2026-11.pdf',
        '📄 Your statement for November 2026: ₹450.00 spent.',
        'http://localhost:3000/dashboard/statement/2026-11.pdf',
      ].join('\n'),
    );
  });
});
