import { describe, expect, it } from 'vitest';
import { MessageLimitError } from './message-limits.ts';
import {
  authenticationTemplate,
  listMessage,
  markRead,
  replyButtons,
  templateMessage,
  textMessage,
  type ListSection,
} from './messages.ts';

const PHONE = '+919812345678';
const BSUID = 'IN.1648738043044942';

function limitErrorOf(build: () => unknown): MessageLimitError {
  try {
    build();
  } catch (error) {
    if (error instanceof MessageLimitError) return error;
    throw error;
  }
  throw new Error('expected a MessageLimitError');
}

const rows = (count: number, prefix = 'r') =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}` }));

describe('addressing', () => {
  it('sends to a phone number as digits without the plus', () => {
    expect(textMessage(PHONE, 'hi')).toMatchObject({ to: '919812345678' });
    expect(textMessage('919812345678', 'hi')).toMatchObject({ to: '919812345678' });
    expect(textMessage(PHONE, 'hi')).not.toHaveProperty('recipient');
  });

  it('sends to a BSUID in recipient and leaves to out', () => {
    const message = textMessage(BSUID, 'hi');
    expect(message).toMatchObject({ recipient: BSUID });
    expect(message).not.toHaveProperty('to');
  });

  it('refuses anything that is neither', () => {
    expect(limitErrorOf(() => textMessage('asha', 'hi')).field).toBe('to');
    expect(limitErrorOf(() => textMessage('+91 98123 45678', 'hi')).field).toBe('to');
  });
});

describe('textMessage', () => {
  it('builds the exact Cloud API body with link previews off', () => {
    expect(textMessage(PHONE, 'Saved ₹120 for petrol')).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '919812345678',
      type: 'text',
      text: { body: 'Saved ₹120 for petrol', preview_url: false },
    });
  });

  it('accepts 4,096 characters and refuses 4,097', () => {
    expect(textMessage(PHONE, 'x'.repeat(4096)).text.body).toHaveLength(4096);
    const error = limitErrorOf(() => textMessage(PHONE, 'x'.repeat(4097)));
    expect(error.field).toBe('body');
    expect(error.message).toMatch(/4096/);
  });

  it('refuses an empty or blank body', () => {
    expect(limitErrorOf(() => textMessage(PHONE, '')).field).toBe('body');
    expect(limitErrorOf(() => textMessage(PHONE, '  \n')).field).toBe('body');
  });
});

describe('replyButtons', () => {
  it('builds reply buttons with optional header and footer', () => {
    const message = replyButtons(
      PHONE,
      'Save ₹120 petrol?',
      [
        { id: 'save', title: 'Save' },
        { id: 'edit', title: 'Edit' },
      ],
      { header: 'New expense', footer: 'Spendline' },
    );
    expect(message).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '919812345678',
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'New expense' },
        body: { text: 'Save ₹120 petrol?' },
        footer: { text: 'Spendline' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'save', title: 'Save' } },
            { type: 'reply', reply: { id: 'edit', title: 'Edit' } },
          ],
        },
      },
    });
  });

  it('allows one to three buttons', () => {
    expect(limitErrorOf(() => replyButtons(PHONE, 'b', [])).field).toBe('buttons');
    expect(limitErrorOf(() => replyButtons(PHONE, 'b', rows(4))).field).toBe('buttons');
    expect(replyButtons(PHONE, 'b', rows(3)).interactive.action.buttons).toHaveLength(3);
  });

  it('names the button whose title or id is too long', () => {
    const ok = { id: 'a', title: 'A' };
    expect(
      limitErrorOf(() => replyButtons(PHONE, 'b', [ok, { id: 'b', title: 'x'.repeat(21) }])).field,
    ).toBe('buttons[1].title');
    expect(replyButtons(PHONE, 'b', [{ id: 'b', title: 'x'.repeat(20) }])).toBeTruthy();
    expect(
      limitErrorOf(() => replyButtons(PHONE, 'b', [{ id: 'i'.repeat(257), title: 'T' }])).field,
    ).toBe('buttons[0].id');
  });

  it('refuses duplicate ids', () => {
    const error = limitErrorOf(() =>
      replyButtons(PHONE, 'b', [
        { id: 'same', title: 'One' },
        { id: 'other', title: 'Two' },
        { id: 'same', title: 'Three' },
      ]),
    );
    expect(error.field).toBe('buttons[2].id');
    expect(error.message).toMatch(/duplicate/);
  });

  it('limits the interactive body to 1,024 characters and the footer to 60', () => {
    expect(limitErrorOf(() => replyButtons(PHONE, 'x'.repeat(1025), rows(1))).field).toBe('body');
    expect(
      limitErrorOf(() => replyButtons(PHONE, 'b', rows(1), { footer: 'f'.repeat(61) })).field,
    ).toBe('footer');
  });
});

describe('listMessage', () => {
  const sections: ListSection[] = [
    { title: 'Food', rows: [{ id: 'food', title: 'Groceries', description: 'Supermarket' }] },
    { title: 'Transport', rows: [{ id: 'fuel', title: 'Fuel' }] },
  ];

  it('builds a sectioned list', () => {
    expect(listMessage(BSUID, 'Pick a category', 'Categories', sections)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      recipient: BSUID,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Pick a category' },
        action: { button: 'Categories', sections },
      },
    });
  });

  it('allows ten rows in all, across sections, and refuses eleven', () => {
    const ten = [
      { title: 'A', rows: rows(6, 'a') },
      { title: 'B', rows: rows(4, 'b') },
    ];
    expect(listMessage(PHONE, 'b', 'Open', ten).interactive.action.sections).toHaveLength(2);
    const eleven = [ten[0]!, { title: 'B', rows: rows(5, 'b') }];
    expect(limitErrorOf(() => listMessage(PHONE, 'b', 'Open', eleven)).field).toBe('sections');
  });

  it('enforces button text, row title, row description and section title lengths', () => {
    const one = (row: Partial<{ id: string; title: string; description: string }>) => [
      { rows: [{ id: 'x', title: 'X', ...row }] },
    ];
    expect(limitErrorOf(() => listMessage(PHONE, 'b', 'b'.repeat(21), one({}))).field).toBe(
      'buttonText',
    );
    expect(
      limitErrorOf(() => listMessage(PHONE, 'b', 'Open', one({ title: 't'.repeat(25) }))).field,
    ).toBe('sections[0].rows[0].title');
    expect(
      limitErrorOf(() => listMessage(PHONE, 'b', 'Open', one({ description: 'd'.repeat(73) })))
        .field,
    ).toBe('sections[0].rows[0].description');
    expect(listMessage(PHONE, 'b', 'Open', one({ description: 'd'.repeat(72) }))).toBeTruthy();
    expect(
      limitErrorOf(() =>
        listMessage(PHONE, 'b', 'Open', [{ title: 's'.repeat(25), rows: rows(1) }]),
      ).field,
    ).toBe('sections[0].title');
  });

  it('refuses duplicate row ids across sections', () => {
    const duplicate = [
      { title: 'A', rows: [{ id: 'x', title: 'One' }] },
      { title: 'B', rows: [{ id: 'x', title: 'Two' }] },
    ];
    expect(limitErrorOf(() => listMessage(PHONE, 'b', 'Open', duplicate)).field).toBe(
      'sections[1].rows[0].id',
    );
  });

  it('requires section titles once there are several sections, and rows in each', () => {
    const untitled = [{ rows: rows(1, 'a') }, { title: 'B', rows: rows(1, 'b') }];
    expect(limitErrorOf(() => listMessage(PHONE, 'b', 'Open', untitled)).field).toBe(
      'sections[0].title',
    );
    expect(limitErrorOf(() => listMessage(PHONE, 'b', 'Open', [{ rows: [] }])).field).toBe(
      'sections[0].rows',
    );
    expect(limitErrorOf(() => listMessage(PHONE, 'b', 'Open', [])).field).toBe('sections');
  });
});

describe('templateMessage', () => {
  it('builds a template with components', () => {
    const message = templateMessage(PHONE, 'weekly_summary', 'en_US', [
      { type: 'body', parameters: [{ type: 'text', text: '₹4,210' }] },
    ]);
    expect(message).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '919812345678',
      type: 'template',
      template: {
        name: 'weekly_summary',
        language: { code: 'en_US' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: '₹4,210' }] }],
      },
    });
  });

  it('omits components when there are none', () => {
    expect(templateMessage(PHONE, 'hello_world', 'en').template).toEqual({
      name: 'hello_world',
      language: { code: 'en' },
    });
  });

  it('refuses bad names, language codes and parameter text Meta rejects', () => {
    expect(limitErrorOf(() => templateMessage(PHONE, 'Weekly Summary', 'en')).field).toBe('name');
    expect(limitErrorOf(() => templateMessage(PHONE, 'x', 'english')).field).toBe('languageCode');
    const withText = (text: string) => () =>
      templateMessage(PHONE, 'x', 'en', [{ type: 'body', parameters: [{ type: 'text', text }] }]);
    expect(limitErrorOf(withText('two\nlines')).field).toBe('components[0].parameters[0]');
    expect(limitErrorOf(withText('a     b')).field).toBe('components[0].parameters[0]');
    expect(limitErrorOf(withText('')).field).toBe('components[0].parameters[0]');
  });
});

describe('authenticationTemplate', () => {
  it('puts the code in the body and in the copy-code button, as Meta documents', () => {
    expect(authenticationTemplate(PHONE, '482913', 'en_US')).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '919812345678',
      type: 'template',
      template: {
        name: 'verification_code',
        language: { code: 'en_US' },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: '482913' }] },
          {
            type: 'button',
            sub_type: 'url',
            index: '0',
            parameters: [{ type: 'text', text: '482913' }],
          },
        ],
      },
    });
  });

  it('uses the approved template name it is given', () => {
    const message = authenticationTemplate(PHONE, '1234', 'en', { templateName: 'spendline_otp' });
    expect(message.template.name).toBe('spendline_otp');
  });

  it('refuses a BSUID, because Meta only delivers authentication templates to numbers', () => {
    expect(limitErrorOf(() => authenticationTemplate(BSUID, '1234', 'en')).field).toBe('to');
  });

  it('limits the code to 15 characters without whitespace', () => {
    expect(authenticationTemplate(PHONE, '1'.repeat(15), 'en')).toBeTruthy();
    expect(limitErrorOf(() => authenticationTemplate(PHONE, '1'.repeat(16), 'en')).field).toBe(
      'code',
    );
    expect(limitErrorOf(() => authenticationTemplate(PHONE, '12 34', 'en')).field).toBe('code');
    expect(limitErrorOf(() => authenticationTemplate(PHONE, '', 'en')).field).toBe('code');
  });
});

describe('markRead', () => {
  it('marks a message read with the typing indicator', () => {
    expect(markRead('wamid.IN1', { typing: true })).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.IN1',
      typing_indicator: { type: 'text' },
    });
  });

  it('marks a message read without it', () => {
    expect(markRead('wamid.IN1', { typing: false })).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.IN1',
    });
  });

  it('refuses an empty message id', () => {
    expect(limitErrorOf(() => markRead('', { typing: false })).field).toBe('messageId');
  });
});

describe('MessageLimitError', () => {
  it('is an Error with a name and the field in its message', () => {
    const error = limitErrorOf(() => textMessage(PHONE, ''));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MessageLimitError');
    expect(error.message).toMatch(/^body: /);
  });
});
