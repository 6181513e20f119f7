import { describe, expect, it } from 'vitest';
import type { AccountReader, MessageTemplate, Read } from './account-reader.ts';
import { readTemplateStatus } from './template-status.ts';

// Only templates() is read; the other endpoints are never called.
function readerOf(answer: (name: string) => Read<MessageTemplate[]>): AccountReader {
  const unused = () => Promise.reject(new Error('not read'));
  return {
    phoneNumber: unused,
    phoneNumbers: unused,
    subscribedApps: unused,
    app: unused,
    appWebhooks: unused,
    templates: (_waba, name) => Promise.resolve(answer(name)),
  };
}

const version = (name: string, language: string, status: string, rejectedReason?: string) => ({
  name,
  language,
  status,
  ...(rejectedReason ? { rejectedReason } : {}),
});

describe('readTemplateStatus', () => {
  it("judges each template by the languages linked users need, in Meta's words", async () => {
    const reader = readerOf((name) => ({
      ok: true,
      value: {
        otp: [version('otp', 'pt_BR', 'IN_APPEAL'), version('otp', 'en', 'APPROVED')],
        notice: [version('notice', 'en', 'PAUSED', 'NONE'), version('notice', 'hi', 'PENDING')],
        // Only versions of exactly the asked name count, whatever else Graph returns.
        spare: [version('spare_v2', 'en', 'APPROVED')],
      }[name] as MessageTemplate[],
    }));
    const read = await readTemplateStatus(
      reader,
      'waba',
      ['otp', 'notice', 'spare'],
      ['en-IN', 'pt-BR'],
    );
    expect(read).toEqual({
      ok: true,
      value: [
        {
          name: 'otp',
          approval: 'MISSING',
          missing: ['pt_BR'],
          languages: [
            {
              language: 'en',
              approval: 'APPROVED',
              needed: true,
              metaStatus: 'APPROVED',
              rejectedReason: null,
            },
            {
              language: 'pt_BR',
              approval: 'PENDING',
              needed: true,
              metaStatus: 'IN_APPEAL',
              rejectedReason: null,
            },
          ],
        },
        {
          name: 'notice',
          approval: 'REJECTED',
          missing: ['en', 'pt_BR'],
          languages: [
            {
              language: 'en',
              approval: 'REJECTED',
              needed: true,
              metaStatus: 'PAUSED',
              rejectedReason: null,
            },
            {
              language: 'hi',
              approval: 'PENDING',
              needed: false,
              metaStatus: 'PENDING',
              rejectedReason: null,
            },
            {
              language: 'pt_BR',
              approval: 'MISSING',
              needed: true,
              metaStatus: null,
              rejectedReason: null,
            },
          ],
        },
        {
          name: 'spare',
          approval: 'MISSING',
          missing: ['en', 'pt_BR'],
          languages: [
            {
              language: 'en',
              approval: 'MISSING',
              needed: true,
              metaStatus: null,
              rejectedReason: null,
            },
            {
              language: 'pt_BR',
              approval: 'MISSING',
              needed: true,
              metaStatus: null,
              rejectedReason: null,
            },
          ],
        },
      ],
    });
  });

  it('is pending while every version waits, and approved with no linked users', async () => {
    const reader = readerOf((name) => ({
      ok: true,
      value:
        name === 'waiting'
          ? [version(name, 'en', 'PENDING'), version(name, 'es', 'IN_APPEAL')]
          : [version(name, 'de', 'APPROVED')],
    }));
    const read = await readTemplateStatus(reader, 'waba', ['waiting', 'ready'], []);
    expect(read.ok && read.value.map((t) => [t.name, t.approval])).toEqual([
      ['waiting', 'PENDING'],
      ['ready', 'APPROVED'],
    ]);
  });

  it("passes Graph's refusal on", async () => {
    const refused = {
      ok: false as const,
      status: 401,
      code: 190,
      reason: 'Error validating access token',
    };
    const read = await readTemplateStatus(
      readerOf(() => refused),
      'waba',
      ['otp'],
      ['en'],
    );
    expect(read).toEqual(refused);
  });
});
