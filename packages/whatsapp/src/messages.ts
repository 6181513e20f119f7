import { isBsuid, isPhoneNumber, toWaDigits } from './identity.ts';
import { LIMITS, MessageLimitError, requireLength, requireUniqueIds } from './message-limits.ts';

/*
 * Builders for the JSON body of `POST /{phone-number-id}/messages`. Each one checks
 * WhatsApp's limits and throws MessageLimitError naming the field.
 *
 * Addressing (the one place this is decided): a phone number goes in `to`, as digits
 * without '+'; a BSUID goes in `recipient` with `to` omitted, as Meta's 2026
 * business-scoped user id changes specify (when both are present Meta uses `to`).
 */

interface Envelope {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
}

export type Addressee = { to: string; recipient?: never } | { recipient: string; to?: never };

interface TextPart {
  text: string;
}

export type TextMessage = Envelope &
  Addressee & { type: 'text'; text: { body: string; preview_url: boolean } };

export interface ReplyButton {
  id: string;
  title: string;
}

export interface InteractiveExtras {
  /** Text header, at most 60 characters. */
  header?: string;
  /** At most 60 characters. */
  footer?: string;
}

interface InteractiveFrame {
  header?: { type: 'text'; text: string };
  body: TextPart;
  footer?: TextPart;
}

export type ReplyButtonsMessage = Envelope &
  Addressee & {
    type: 'interactive';
    interactive: InteractiveFrame & {
      type: 'button';
      action: { buttons: { type: 'reply'; reply: ReplyButton }[] };
    };
  };

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export interface ListSection {
  /** Required by WhatsApp once there is more than one section. */
  title?: string;
  rows: ListRow[];
}

export type ListMessage = Envelope &
  Addressee & {
    type: 'interactive';
    interactive: InteractiveFrame & {
      type: 'list';
      action: { button: string; sections: ListSection[] };
    };
  };

export type TemplateParameter =
  { type: 'text'; text: string; parameter_name?: string } | { type: 'payload'; payload: string };

export type TemplateComponent =
  | { type: 'header' | 'body'; parameters: TemplateParameter[] }
  | {
      type: 'button';
      sub_type: 'url' | 'quick_reply' | 'copy_code';
      index: string;
      parameters: TemplateParameter[];
    };

export type TemplateMessage = Envelope &
  Addressee & {
    type: 'template';
    template: { name: string; language: { code: string }; components?: TemplateComponent[] };
  };

/** A file: an uploaded media id (POST /{phone-number-id}/media) or a link Meta fetches. */
export type DocumentMessage = Envelope &
  Addressee & {
    type: 'document';
    document: ({ id: string; link?: never } | { link: string; id?: never }) & {
      filename: string;
      caption?: string;
    };
  };

/** Every message body `send` accepts. */
export type OutboundMessage =
  TextMessage | ReplyButtonsMessage | ListMessage | TemplateMessage | DocumentMessage;

/** Marks an inbound message read (blue ticks), optionally showing the typing indicator. */
export interface MarkReadRequest {
  messaging_product: 'whatsapp';
  status: 'read';
  message_id: string;
  typing_indicator?: { type: 'text' };
}

/** `to` is a phone number (with or without '+') or a BSUID; see the addressing note above. */
export function addressee(to: string): Addressee {
  if (isBsuid(to)) return { recipient: to };
  if (isPhoneNumber(to)) return { to: toWaDigits(to) };
  throw new MessageLimitError('to', 'expected a phone number (up to 15 digits) or a BSUID');
}

function envelope(to: string): Envelope & Addressee {
  return { messaging_product: 'whatsapp', recipient_type: 'individual', ...addressee(to) };
}

function frame(body: string, extras: InteractiveExtras): InteractiveFrame {
  const result: InteractiveFrame = {
    body: { text: requireLength('body', body, LIMITS.interactiveBody) },
  };
  if (extras.header !== undefined) {
    result.header = {
      type: 'text',
      text: requireLength('header', extras.header, LIMITS.headerText),
    };
  }
  if (extras.footer !== undefined) {
    result.footer = { text: requireLength('footer', extras.footer, LIMITS.footerText) };
  }
  return result;
}

/** A plain text message; link previews stay off so a pasted URL cannot change the layout. */
export function textMessage(to: string, body: string): TextMessage {
  return {
    ...envelope(to),
    type: 'text',
    text: { body: requireLength('body', body, LIMITS.textBody), preview_url: false },
  };
}

/** Up to three tappable reply buttons under a body of at most 1,024 characters. */
export function replyButtons(
  to: string,
  body: string,
  buttons: readonly ReplyButton[],
  extras: InteractiveExtras = {},
): ReplyButtonsMessage {
  const { min, max } = LIMITS.replyButtons;
  if (buttons.length < min || buttons.length > max) {
    throw new MessageLimitError('buttons', `${min} to ${max} buttons (got ${buttons.length})`);
  }
  const checked = buttons.map((button, i) => ({
    type: 'reply' as const,
    reply: {
      id: requireLength(`buttons[${i}].id`, button.id, LIMITS.buttonId),
      title: requireLength(`buttons[${i}].title`, button.title, LIMITS.buttonTitle),
    },
  }));
  requireUniqueIds(buttons.map((button, i) => ({ path: `buttons[${i}].id`, id: button.id })));
  return {
    ...envelope(to),
    type: 'interactive',
    interactive: { type: 'button', ...frame(body, extras), action: { buttons: checked } },
  };
}

/** A list opened by `buttonText`: at most 10 rows across at most 10 sections, ids unique. */
export function listMessage(
  to: string,
  body: string,
  buttonText: string,
  sections: readonly ListSection[],
  extras: InteractiveExtras = {},
): ListMessage {
  if (sections.length === 0 || sections.length > LIMITS.listSections) {
    throw new MessageLimitError('sections', `1 to ${LIMITS.listSections} sections`);
  }
  const rowCount = sections.reduce((total, section) => total + section.rows.length, 0);
  if (rowCount > LIMITS.listRows) {
    throw new MessageLimitError(
      'sections',
      `at most ${LIMITS.listRows} rows in all (got ${rowCount})`,
    );
  }
  const checked = sections.map((section, s): ListSection => {
    const path = `sections[${s}]`;
    if (section.rows.length === 0) throw new MessageLimitError(`${path}.rows`, 'must not be empty');
    const result: ListSection = {
      rows: section.rows.map((row, r) => {
        const rowPath = `${path}.rows[${r}]`;
        const checkedRow: ListRow = {
          id: requireLength(`${rowPath}.id`, row.id, LIMITS.rowId),
          title: requireLength(`${rowPath}.title`, row.title, LIMITS.rowTitle),
        };
        if (row.description !== undefined) {
          checkedRow.description = requireLength(
            `${rowPath}.description`,
            row.description,
            LIMITS.rowDescription,
          );
        }
        return checkedRow;
      }),
    };
    if (section.title !== undefined) {
      result.title = requireLength(`${path}.title`, section.title, LIMITS.sectionTitle);
    } else if (sections.length > 1) {
      throw new MessageLimitError(`${path}.title`, 'required when there is more than one section');
    }
    return result;
  });
  requireUniqueIds(
    sections.flatMap((section, s) =>
      section.rows.map((row, r) => ({ path: `sections[${s}].rows[${r}].id`, id: row.id })),
    ),
  );
  return {
    ...envelope(to),
    type: 'interactive',
    interactive: {
      type: 'list',
      ...frame(body, extras),
      action: {
        button: requireLength('buttonText', buttonText, LIMITS.listButtonText),
        sections: checked,
      },
    },
  };
}

const TEMPLATE_NAME = /^[a-z0-9_]+$/;
const LANGUAGE_CODE = /^[a-z]{2,3}(?:_[A-Za-z]{2,4})?$/;
// Meta refuses text parameters with newlines, tabs or more than four spaces in a row.
const FORBIDDEN_PARAMETER_TEXT = /[\n\t]| {5}/;

function checkParameters(components: readonly TemplateComponent[]): void {
  components.forEach((component, c) => {
    component.parameters.forEach((parameter, p) => {
      const path = `components[${c}].parameters[${p}]`;
      const value = parameter.type === 'text' ? parameter.text : parameter.payload;
      if (value.trim() === '') throw new MessageLimitError(path, 'must not be empty');
      if (parameter.type === 'text' && FORBIDDEN_PARAMETER_TEXT.test(value)) {
        throw new MessageLimitError(path, 'no newlines, tabs or more than four spaces in a row');
      }
    });
  });
}

/**
 * An approved template, the only kind of message WhatsApp delivers outside the
 * 24-hour customer service window. `components` fill the template's variables.
 */
export function templateMessage(
  to: string,
  name: string,
  languageCode: string,
  components: readonly TemplateComponent[] = [],
): TemplateMessage {
  requireLength('name', name, LIMITS.templateName);
  if (!TEMPLATE_NAME.test(name)) {
    throw new MessageLimitError('name', 'lowercase letters, digits and underscores only');
  }
  if (!LANGUAGE_CODE.test(languageCode)) {
    throw new MessageLimitError('languageCode', 'expected a code such as en or en_US');
  }
  checkParameters(components);
  const template: TemplateMessage['template'] = { name, language: { code: languageCode } };
  if (components.length > 0) template.components = [...components];
  return { ...envelope(to), type: 'template', template };
}

export interface AuthenticationTemplateOptions {
  /** Name of the approved copy-code authentication template. */
  templateName?: string;
}

/**
 * A one-time code in a copy-code authentication template ("<code> is your verification
 * code"), for users outside the 24-hour window. Meta takes the code twice: as the body
 * parameter and as the parameter of the copy-code button, which it models as a URL
 * button at index 0. Meta does not deliver these templates to a BSUID (error 131062),
 * so `to` must be a phone number.
 */
export function authenticationTemplate(
  to: string,
  code: string,
  languageCode: string,
  { templateName = 'verification_code' }: AuthenticationTemplateOptions = {},
): TemplateMessage {
  if (isBsuid(to)) {
    throw new MessageLimitError('to', 'authentication templates need a phone number, not a BSUID');
  }
  requireLength('code', code, LIMITS.otpCode);
  if (/\s/.test(code)) throw new MessageLimitError('code', 'must not contain whitespace');
  return templateMessage(to, templateName, languageCode, [
    { type: 'body', parameters: [{ type: 'text', text: code }] },
    { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: code }] },
  ]);
}

/**
 * Marks `messageId` read. With `typing`, also shows the typing indicator, which clears
 * on the next reply or after 25 seconds: only ask for it when a reply will follow.
 */
export function markRead(messageId: string, { typing }: { typing: boolean }): MarkReadRequest {
  if (messageId.trim() === '') throw new MessageLimitError('messageId', 'must not be empty');
  const request: MarkReadRequest = {
    messaging_product: 'whatsapp',
    status: 'read',
    message_id: messageId,
  };
  if (typing) request.typing_indicator = { type: 'text' };
  return request;
}

/** A document (e.g. a PDF) by its uploaded media id or by a link, with its file name and a caption. */
export function documentMessage(
  to: string,
  file: ({ id: string } | { link: string }) & { filename: string; caption?: string },
): DocumentMessage {
  const source = 'id' in file ? { id: requireLength('id', file.id, 256) } : { link: file.link };
  return {
    ...envelope(to),
    type: 'document',
    document: {
      ...source,
      filename: requireLength('filename', file.filename, LIMITS.documentFilename),
      ...(file.caption === undefined
        ? {}
        : { caption: requireLength('caption', file.caption, LIMITS.mediaCaption) }),
    },
  };
}
