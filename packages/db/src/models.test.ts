import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { createTestDatabase } from './testing.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const at = (iso: string) => new Date(iso);

describe(`every model round-trips (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('stores and reads back each model with its exact values', async () => {
    const { prisma } = db;
    const user = await prisma.user.create({
      data: {
        email: 'asha@example.com',
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$x$y',
        displayName: 'Asha',
        currency: 'INR',
        timeZone: 'Asia/Kolkata',
        locale: 'en-IN',
        confirmAboveMinor: 5_000_000n,
        dailyDigestHour: 21,
        weeklyDigest: true,
        reminderHour: 22,
      },
    });
    const session = await prisma.session.create({
      data: {
        id: 'a'.repeat(64),
        userId: user.id,
        expiresAt: at('2026-12-24T00:00:00.123Z'),
        userAgent: 'Firefox',
        ipAddress: '203.0.113.9',
      },
    });
    const token = await prisma.apiToken.create({
      data: {
        userId: user.id,
        name: 'laptop script',
        tokenHash: 'b'.repeat(64),
        prefix: 'spl_abcd',
      },
    });
    const link = await prisma.whatsAppLink.create({
      data: {
        userId: user.id,
        phoneNumber: '+919876543210',
        bsuid: 'IN.1234567890',
        verifiedAt: at('2026-11-01T10:00:00Z'),
      },
    });
    const otp = await prisma.otpChallenge.create({
      data: {
        userId: user.id,
        purpose: 'WHATSAPP_OTP',
        phoneNumber: '+919876543210',
        codeHash: 'c'.repeat(64),
        expiresAt: at('2026-11-24T10:10:00Z'),
      },
    });
    const food = await prisma.category.create({
      data: { userId: user.id, name: 'Food', nameKey: 'food', emoji: '🍽️', color: '#f97316' },
    });
    const alias = await prisma.categoryAlias.create({
      data: { userId: user.id, categoryId: food.id, alias: 'chai' },
    });
    const conversation = await prisma.conversation.create({
      data: {
        waKey: 'IN.1234567890',
        phoneNumber: '+919876543210',
        bsuid: 'IN.1234567890',
        snapshot: {
          status: 'active',
          value: { capture: 'idle' },
          context: { pending: null, amounts: [1, 2] },
        },
        machineVersion: 3,
        lastInboundAt: at('2026-11-24T09:00:00Z'),
      },
    });
    const inbound = await prisma.inboundMessage.create({
      data: {
        waMessageId: 'wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhggQUJD',
        conversationId: conversation.id,
        phoneNumberId: '106540352242922',
        type: 'text',
        payload: { from: '919876543210', text: { body: '120 petrol ⛽ ₹' } },
        sentAt: at('2026-11-24T09:00:00Z'),
      },
    });
    const recurring = await prisma.recurringExpense.create({
      data: {
        userId: user.id,
        amountMinor: 1_500_000n,
        currency: 'INR',
        frequency: 'MONTHLY',
        dayOfMonth: 1,
        startsOn: at('2026-12-01T00:00:00Z'),
        nextRunAt: at('2026-11-30T18:30:00Z'),
        note: 'rent',
      },
    });
    const expense = await prisma.expense.create({
      data: {
        userId: user.id,
        amountMinor: 9_007_199_254_740_993n, // beyond Number.MAX_SAFE_INTEGER: must stay exact
        currency: 'INR',
        occurredAt: at('2026-11-24T09:00:00.456Z'),
        note: 'tank full',
        categoryId: food.id,
        source: 'WHATSAPP',
        inboundMessageId: inbound.id,
        recurringExpenseId: recurring.id,
      },
    });
    const income = await prisma.expense.create({
      data: {
        userId: user.id,
        kind: 'INCOME',
        amountMinor: 5_000_000n,
        currency: 'INR',
        occurredAt: at('2026-11-01T05:00:00Z'),
        source: 'WEB',
      },
    });
    const budget = await prisma.budget.create({
      data: {
        userId: user.id,
        categoryId: food.id,
        month: at('2026-11-01T00:00:00Z'),
        amountMinor: 800_000n,
        currency: 'INR',
      },
    });
    const alert = await prisma.budgetAlert.create({
      data: { budgetId: budget.id, month: at('2026-11-01T00:00:00Z'), thresholdPc: 80 },
    });
    const outbound = await prisma.outboundMessage.create({
      data: {
        conversationId: conversation.id,
        recipient: '+919876543210',
        type: 'interactive',
        payload: { type: 'button', body: { text: '✅ ₹120 · Fuel' } },
        providerMessageId: 'wamid.OUT1',
      },
    });
    const limit = await prisma.rateLimit.create({
      data: { key: 'login:ip:203.0.113.9', count: 3, windowEndsAt: at('2026-11-24T10:00:00Z') },
    });

    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(user);
    expect(await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).toEqual(session);
    expect(
      await prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: token.tokenHash } }),
    ).toEqual(token);
    expect(
      await prisma.whatsAppLink.findUniqueOrThrow({ where: { phoneNumber: '+919876543210' } }),
    ).toEqual(link);
    expect(await prisma.otpChallenge.findUniqueOrThrow({ where: { id: otp.id } })).toEqual(otp);
    expect(
      await prisma.category.findUniqueOrThrow({
        where: { userId_nameKey: { userId: user.id, nameKey: 'food' } },
      }),
    ).toEqual(food);
    expect(
      await prisma.categoryAlias.findUniqueOrThrow({
        where: { userId_alias: { userId: user.id, alias: 'chai' } },
      }),
    ).toEqual(alias);
    expect(
      await prisma.conversation.findUniqueOrThrow({ where: { waKey: 'IN.1234567890' } }),
    ).toEqual(conversation);
    expect(
      await prisma.inboundMessage.findUniqueOrThrow({
        where: { waMessageId: inbound.waMessageId },
      }),
    ).toEqual(inbound);
    expect(
      await prisma.recurringExpense.findUniqueOrThrow({ where: { id: recurring.id } }),
    ).toEqual(recurring);
    expect(await prisma.expense.findUniqueOrThrow({ where: { id: expense.id } })).toEqual(expense);
    expect(await prisma.expense.findUniqueOrThrow({ where: { id: income.id } })).toEqual(income);
    expect(await prisma.budget.findUniqueOrThrow({ where: { id: budget.id } })).toEqual(budget);
    expect(await prisma.budgetAlert.findUniqueOrThrow({ where: { id: alert.id } })).toEqual(alert);
    expect(await prisma.outboundMessage.findUniqueOrThrow({ where: { id: outbound.id } })).toEqual(
      outbound,
    );
    expect(await prisma.rateLimit.findUniqueOrThrow({ where: { key: limit.key } })).toEqual(limit);

    // Values that a careless column type would bend.
    expect(expense.amountMinor).toBe(9_007_199_254_740_993n);
    expect(expense.occurredAt.toISOString()).toBe('2026-11-24T09:00:00.456Z');
    expect(expense.kind).toBe('EXPENSE');
    expect(income.kind).toBe('INCOME');
    expect(inbound.status).toBe('RECEIVED');
    expect(outbound.status).toBe('PENDING');
    expect(conversation.version).toBe(0);
  });

  it('keeps one WhatsApp message id, one alias per word and one category name per user', async () => {
    const { prisma } = db;
    const user = await prisma.user.create({
      data: { email: 'ravi@example.com', displayName: 'Ravi' },
    });
    const conversation = await prisma.conversation.create({ data: { waKey: '+15551234567' } });
    const message = {
      conversationId: conversation.id,
      phoneNumberId: '1',
      type: 'text',
      payload: {},
      sentAt: new Date(),
    };
    await prisma.inboundMessage.create({ data: { ...message, waMessageId: 'wamid.DUP' } });
    await expect(
      prisma.inboundMessage.create({ data: { ...message, waMessageId: 'wamid.DUP' } }),
    ).rejects.toMatchObject({ code: 'P2002' });

    await prisma.category.create({ data: { userId: user.id, name: 'Fuel', nameKey: 'fuel' } });
    await expect(
      prisma.category.create({ data: { userId: user.id, name: 'FUEL', nameKey: 'fuel' } }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });

  it('deletes everything a user owns with the account', async () => {
    const { prisma } = db;
    const user = await prisma.user.create({
      data: { email: 'gone@example.com', displayName: 'Gone' },
    });
    const category = await prisma.category.create({
      data: { userId: user.id, name: 'Food', nameKey: 'food' },
    });
    await prisma.expense.create({
      data: {
        userId: user.id,
        amountMinor: 100n,
        currency: 'INR',
        occurredAt: new Date(),
        source: 'WEB',
        categoryId: category.id,
      },
    });
    await prisma.session.create({
      data: { id: 'z'.repeat(64), userId: user.id, expiresAt: new Date() },
    });
    await prisma.user.delete({ where: { id: user.id } });
    expect(await prisma.expense.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.category.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
