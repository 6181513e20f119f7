import { LIMITS } from '@spendline/whatsapp';
import { describe, expect, it } from 'vitest';
import { emptyReply, paginate, toOutbound } from './reply.ts';
import { CHOICE, moreOf } from './types.ts';

const to = '919812345678';
const dashboard = 'https://spendline.example/dashboard/';

describe('one reply per inbound message', () => {
  it('sends plain text when nothing is asked and nothing was saved', () => {
    const reply = { ...emptyReply(), parts: ['*Today*: ₹0.00'] };
    expect(toOutbound(to, reply, dashboard, 'en-IN')).toMatchObject({
      type: 'text',
      text: { body: '*Today*: ₹0.00' },
    });
  });

  it('puts an Undo button under a saved expense', () => {
    const reply = {
      ...emptyReply(),
      parts: ['✅ ₹120.00 · Fuel', 'Today so far: ₹120.00'],
      undo: { id: 'undo:m1', title: 'Undo' },
    };
    expect(toOutbound(to, reply, dashboard, 'en-IN')).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: '✅ ₹120.00 · Fuel\nToday so far: ₹120.00' },
        action: { buttons: [{ type: 'reply', reply: { id: 'undo:m1', title: 'Undo' } }] },
      },
    });
  });

  it('asks with a list whose long titles are cut to WhatsApp limits, after the text', () => {
    const reply = {
      ...emptyReply(),
      parts: ['✅ ₹50.00 · Food'],
      undo: { id: 'undo:m1', title: 'Undo' },
      question: {
        kind: 'list' as const,
        body: 'Which category for "75 zzqx"?',
        button: 'Choose category',
        rows: [{ id: 'cat:new', title: 'New: a-very-long-word-for-a-category' }],
      },
    };
    const message = toOutbound(to, reply, dashboard, 'en-IN');
    expect(message).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: '✅ ₹50.00 · Food\n\nWhich category for "75 zzqx"?' },
      },
    });
    const rows = (
      message as { interactive: { action: { sections: { rows: { title: string }[] }[] } } }
    ).interactive.action.sections[0]!.rows;
    expect(rows[0]!.title).toHaveLength(LIMITS.rowTitle);
    expect(rows[0]!.title.endsWith('…')).toBe(true);
  });

  it('cuts a statement beyond 4,096 characters at a line, closes its block and points on', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `Category ${i}  ₹${i}.00  1%`);
    const reply = { ...emptyReply(), parts: [['*Year*', '```', ...lines, '```'].join('\n')] };
    const message = toOutbound(to, reply, dashboard, 'en-IN') as { text: { body: string } };
    const body = message.text.body;
    expect(body.length).toBeLessThanOrEqual(LIMITS.textBody);
    expect(body.endsWith(`\`\`\`\n…more on the dashboard: ${dashboard}`)).toBe(true);
    expect(body.split('\n').filter((line) => line === '```')).toHaveLength(2);
  });

  it('drops the Undo button rather than break the 1,024-character interactive body', () => {
    const reply = {
      ...emptyReply(),
      parts: Array.from({ length: 80 }, (_, i) => `✅ ₹${i}.00 · Food`),
      undo: { id: 'undo:m1', title: 'Undo' },
    };
    expect(toOutbound(to, reply, dashboard, 'en-IN').type).toBe('text');
  });
});

describe('long answers in pages', () => {
  const table = [
    '*Last 100*',
    '```',
    ...Array.from({ length: 100 }, (_, i) => `${String(i + 1).padStart(3)}  ₹${i + 1}.00  Food`),
    '```',
    'end',
  ].join('\n');

  it('cuts at line ends, each page within the size and with its fixed-width block closed', () => {
    const pages = paginate(table, 300);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(300);
      expect(page.split('\n').filter((line) => line === '```').length % 2).toBe(0);
    }
    // Nothing lost or reordered: the pages, less the fences they added, give the text back.
    const lines = pages.flatMap((page) => page.split('\n')).filter((line) => line !== '```');
    expect(lines).toEqual(table.split('\n').filter((line) => line !== '```'));
  });

  it('leaves a short answer whole and clips a line longer than a page', () => {
    expect(paginate('one\ntwo', 300)).toEqual(['one\ntwo']);
    const [page] = paginate('x'.repeat(1000), 300);
    expect(page!.length).toBeLessThanOrEqual(300);
    expect(page!.endsWith('…')).toBe(true);
  });

  it('sends a page with its More button, which carries the command and the next page', () => {
    const reply = {
      ...emptyReply(),
      parts: [paginate(table)[0]!],
      more: { id: CHOICE.more(2, 'last 100'), title: 'More' },
    };
    expect(toOutbound(to, reply, dashboard, 'en-IN')).toMatchObject({
      type: 'interactive',
      interactive: { type: 'button', action: { buttons: [{ reply: { title: 'More' } }] } },
    });
    expect(moreOf(reply.more.id)).toEqual({ page: 2, text: 'last 100' });
    expect(moreOf('undo:m1')).toBeNull();
  });
});
