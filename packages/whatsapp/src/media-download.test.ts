// Downloads over real HTTP from the Graph simulator, which serves media as Meta does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaDownloader, matchesSha256, MEDIA_LIMITS } from './media-download.ts';
import { startGraphSimulator, type GraphSimulator } from './simulator/index.ts';
import { createHash } from 'node:crypto';

const accessToken = 'media-token';
let graph: GraphSimulator;

beforeAll(async () => {
  graph = await startGraphSimulator({ accessToken });
});
afterAll(() => graph.close());

const downloader = (token = accessToken) =>
  createMediaDownloader({ apiUrl: graph.apiUrl, accessToken: token, timeoutMs: 5_000 });

describe('media downloads', () => {
  it('fetches the bytes a user sent, checked against the sha256 the webhook announced', async () => {
    const photo = Buffer.from('a receipt photo, in pretend JPEG');
    const { id, sha256 } = graph.media.add(photo, 'image/jpeg');
    const result = await downloader().download(id, { maxBytes: MEDIA_LIMITS.image, sha256 });
    expect(result).toEqual({
      ok: true,
      bytes: photo,
      mimeType: 'image/jpeg',
      sha256: createHash('sha256').update(photo).digest('hex'),
    });
  });

  it('refuses bytes that differ from the announced hash', async () => {
    const { id, sha256 } = graph.media.add(Buffer.from('original'), 'image/png');
    graph.media.corrupt(id);
    const result = await downloader().download(id, { maxBytes: MEDIA_LIMITS.image, sha256 });
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('says an expired media id is gone, and does not retry it', async () => {
    const { id } = graph.media.add(Buffer.from('old voice note'), 'audio/ogg');
    graph.media.expire(id);
    const result = await downloader().download(id, { maxBytes: MEDIA_LIMITS.audio });
    expect(result).toMatchObject({ ok: false, reason: 'gone', retryable: false });
  });

  it('stops at the size limit before reading the body', async () => {
    const { id } = graph.media.add(Buffer.alloc(2048, 1), 'image/jpeg');
    const result = await downloader().download(id, { maxBytes: 1024 });
    expect(result).toMatchObject({ ok: false, reason: 'too-large', retryable: false });
  });

  it('reports a refused token as a failure that names no token', async () => {
    const { id } = graph.media.add(Buffer.from('x'), 'image/jpeg');
    const result = await downloader('wrong-token').download(id, { maxBytes: 10 });
    expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(JSON.stringify(result)).not.toContain('wrong-token');
  });

  it('answers a network failure as retryable rather than throwing', async () => {
    const closed = createMediaDownloader({
      apiUrl: 'http://127.0.0.1:9/v23.0',
      accessToken,
      timeoutMs: 1_000,
    });
    const result = await closed.download('SIMMEDIA00', { maxBytes: 10 });
    expect(result).toMatchObject({ ok: false, reason: 'unavailable', retryable: true });
  });
});

describe('matchesSha256', () => {
  const digest = createHash('sha256').update('bytes').digest();
  it('accepts the hex and the base64 forms Meta uses, and nothing else', () => {
    expect(matchesSha256(digest, digest.toString('hex').toUpperCase())).toBe(true);
    expect(matchesSha256(digest, digest.toString('base64'))).toBe(true);
    expect(matchesSha256(digest, createHash('sha256').update('other').digest('base64'))).toBe(
      false,
    );
  });
});
