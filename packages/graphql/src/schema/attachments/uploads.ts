// Files sent with a mutation (the GraphQL multipart request spec, which yoga parses into
// File values): the scalar, and the checks every upload passes before it is kept.
import { GraphQLError } from 'graphql';
import { builder } from '../builder.ts';
import { ValidationError } from '../errors.ts';

// The server's own File class (a ponyfill), not necessarily the platform's: told by shape.
function isFile(value: unknown): value is File {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<File>;
  return (
    typeof file.arrayBuffer === 'function' &&
    typeof file.size === 'number' &&
    typeof file.type === 'string'
  );
}

builder.scalarType('File', {
  description:
    'A file sent as a part of a multipart request (GraphQL multipart request spec); input only.',
  serialize: () => {
    throw new GraphQLError('A file cannot be sent back.');
  },
  parseValue: (value) => {
    if (!isFile(value)) {
      throw new GraphQLError('Send the file as a part of a multipart request.', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  },
});

export interface UploadRule {
  /** The argument's name, for the problem's path. */
  field: string;
  /** Accepted types, e.g. image/jpeg, and what to call them in a message. */
  types: Readonly<Record<string, string>>;
  maxBytes: number;
}

export interface Upload {
  bytes: Buffer;
  mimeType: string;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function listOf(names: readonly string[]): string {
  const unique = [...new Set(names)];
  return unique.length < 2
    ? (unique[0] ?? '')
    : `${unique.slice(0, -1).join(', ')} or ${unique.at(-1)}`;
}

/** The file's bytes, after checking its type and size; a ValidationError in plain words. */
export async function readUpload(file: File, rule: UploadRule): Promise<Upload> {
  const mimeType = file.type.split(';')[0]!.trim().toLowerCase();
  const refuse = (message: string) => new ValidationError([{ path: [rule.field], message }]);
  if (!(mimeType in rule.types)) {
    throw refuse(`This file type can’t be used here: send ${listOf(Object.values(rule.types))}.`);
  }
  if (file.size === 0) throw refuse('This file is empty.');
  if (file.size > rule.maxBytes) {
    throw refuse(`This file is too large: the limit is ${megabytes(rule.maxBytes)}.`);
  }
  const bytes = Buffer.from(await file.arrayBuffer());
  // A declared size is the client's word; the bytes are what counts.
  if (bytes.length > rule.maxBytes) {
    throw refuse(`This file is too large: the limit is ${megabytes(rule.maxBytes)}.`);
  }
  return { bytes, mimeType };
}

/** Photos WhatsApp delivers and phones take; Meta's image limit. */
export const IMAGE_UPLOAD: Omit<UploadRule, 'field'> = {
  types: {
    'image/jpeg': 'a JPEG',
    'image/png': 'a PNG',
    'image/webp': 'a WebP image',
  },
  maxBytes: 5 * 1024 * 1024,
};

/** Voice notes and audio files WhatsApp takes; Meta's audio limit. */
export const AUDIO_UPLOAD: Omit<UploadRule, 'field'> = {
  types: {
    'audio/ogg': 'an OGG',
    'audio/opus': 'an Opus file',
    'audio/mpeg': 'an MP3',
    'audio/mp4': 'an M4A',
    'audio/aac': 'an AAC file',
    'audio/amr': 'an AMR file',
  },
  maxBytes: 16 * 1024 * 1024,
};
