import { afterEach, describe, expect, it } from 'vitest';
import {
  SIMULATOR_APP_ID,
  SIMULATOR_BUSINESS_ACCOUNT_ID,
  SIMULATOR_PHONE_NUMBER_ID,
} from './defaults.ts';
import { startGraphSimulator, type GraphSimulator } from './graph-simulator.ts';

const TOKEN = 'sim-token';
const simulators: GraphSimulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((simulator) => simulator.close()));
});

async function start() {
  const simulator = await startGraphSimulator({ seed: 1, accessToken: TOKEN });
  simulators.push(simulator);
  const get = async (path: string, token = TOKEN) => {
    const response = await fetch(`${simulator.apiUrl}/${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  return { simulator, get };
}

describe('the simulated business account', () => {
  it('shows its phone number, apps, webhook fields and templates as Graph does', async () => {
    const { get } = await start();
    expect(await get(SIMULATOR_PHONE_NUMBER_ID)).toEqual({
      status: 200,
      json: expect.objectContaining({
        id: SIMULATOR_PHONE_NUMBER_ID,
        display_phone_number: expect.any(String),
        verified_name: 'Spendline',
        quality_rating: 'GREEN',
      }),
    });
    expect((await get(`${SIMULATOR_BUSINESS_ACCOUNT_ID}/phone_numbers`)).json).toMatchObject({
      data: [{ id: SIMULATOR_PHONE_NUMBER_ID }],
    });
    expect((await get(`${SIMULATOR_BUSINESS_ACCOUNT_ID}/subscribed_apps`)).json).toEqual({
      data: [
        {
          whatsapp_business_api_data: {
            id: SIMULATOR_APP_ID,
            name: expect.any(String),
            link: expect.stringContaining(SIMULATOR_APP_ID),
          },
        },
      ],
    });
    expect((await get('app')).json).toMatchObject({ id: SIMULATOR_APP_ID });
    const appToken = `${SIMULATOR_APP_ID}|development-webhook-secret`;
    expect((await get(`${SIMULATOR_APP_ID}/subscriptions`, appToken)).json).toEqual({
      data: [
        {
          object: 'whatsapp_business_account',
          callback_url: 'http://localhost:3000/whatsapp/webhook/',
          active: true,
          fields: [
            { name: 'messages', version: 'v26.0' },
            { name: 'message_template_status_update', version: 'v26.0' },
          ],
        },
      ],
    });
    const templates = await get(
      `${SIMULATOR_BUSINESS_ACCOUNT_ID}/message_templates?name=spendline_notice`,
    );
    expect(templates.json).toMatchObject({
      data: [{ name: 'spendline_notice', language: 'en', status: 'APPROVED', category: 'UTILITY' }],
    });
  });

  it('refuses a wrong token with 401 and code 190, and an app token with the wrong secret', async () => {
    const { get } = await start();
    expect(await get(SIMULATOR_PHONE_NUMBER_ID, 'not-the-token')).toEqual({
      status: 401,
      json: { error: expect.objectContaining({ code: 190, type: 'OAuthException' }) },
    });
    const wrongSecret = await get(`${SIMULATOR_APP_ID}/subscriptions`, `${SIMULATOR_APP_ID}|guess`);
    expect(wrongSecret.json).toMatchObject({ error: { code: 190 } });
  });

  it('answers an unknown id as Graph does: 400, code 100, subcode 33', async () => {
    const { get } = await start();
    const unknown = await get('999');
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({
      error: {
        code: 100,
        error_subcode: 33,
        type: 'GraphMethodException',
        message: expect.stringContaining("Object with ID '999' does not exist"),
      },
    });
  });

  it('takes each fault and lets it go again', async () => {
    const { simulator, get } = await start();
    simulator.account.setFaults('bad-token');
    expect(await get(SIMULATOR_PHONE_NUMBER_ID)).toMatchObject({
      status: 401,
      json: { error: { code: 190, error_subcode: 463 } },
    });
    // Meta refuses the token for sends too.
    const send = await fetch(`${simulator.apiUrl}/${SIMULATOR_PHONE_NUMBER_ID}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        to: '919812345678',
        type: 'text',
        text: { body: 'hi' },
      }),
    });
    expect(send.status).toBe(401);

    simulator.account.setFaults('wrong-phone-id');
    expect((await get(SIMULATOR_PHONE_NUMBER_ID)).json).toMatchObject({
      error: { code: 100, error_subcode: 33 },
    });
    const numbers = (await get(`${SIMULATOR_BUSINESS_ACCOUNT_ID}/phone_numbers`)).json as {
      data: { id: string }[];
    };
    expect(numbers.data.map((n) => n.id)).not.toContain(SIMULATOR_PHONE_NUMBER_ID);

    simulator.account.setFaults('unsubscribed', 'no-messages-field', 'template-rejected');
    expect((await get(`${SIMULATOR_BUSINESS_ACCOUNT_ID}/subscribed_apps`)).json).toEqual({
      data: [],
    });
    const webhooks = (
      await get(
        `${SIMULATOR_APP_ID}/subscriptions`,
        `${SIMULATOR_APP_ID}|development-webhook-secret`,
      )
    ).json as { data: { fields: { name: string }[] }[] };
    expect(webhooks.data[0]?.fields.map((f) => f.name)).not.toContain('messages');
    expect((await get(`${SIMULATOR_BUSINESS_ACCOUNT_ID}/message_templates`)).json).toMatchObject({
      data: [
        { name: 'spendline_otp', status: 'REJECTED', rejected_reason: 'INVALID_FORMAT' },
        { name: 'spendline_notice', status: 'REJECTED' },
      ],
    });

    simulator.account.setFaults('template-pending');
    expect((await get(`${SIMULATOR_BUSINESS_ACCOUNT_ID}/message_templates`)).json).toMatchObject({
      data: [{ status: 'PENDING' }, { status: 'PENDING' }],
    });

    simulator.account.setFaults();
    expect((await get(SIMULATOR_PHONE_NUMBER_ID)).status).toBe(200);
  });
});
