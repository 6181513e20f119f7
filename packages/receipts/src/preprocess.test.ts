import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  ImageTooLargeError,
  MAX_IMAGE_BYTES,
  prepareForOcr,
  UnreadableImageError,
} from './preprocess.ts';

async function pixels(image: Buffer) {
  const { data, info } = await sharp(image)
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { at: (x: number, y: number) => data[y * info.width + x] ?? -1, ...info };
}

const svg = (body: string, width = 300, height = 100) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`,
  );

describe('prepareForOcr', () => {
  it('refuses an image over 5 MB with its size, before decoding it', async () => {
    const error = await prepareForOcr(new Uint8Array(MAX_IMAGE_BYTES + 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageTooLargeError);
    expect((error as ImageTooLargeError).message).toBe(
      'The image is 5.0 MB; images up to 5 MB can be read.',
    );
  });

  it('refuses a file that is not an image', async () => {
    await expect(prepareForOcr(Buffer.from('%PDF-1.7 not a photo'))).rejects.toBeInstanceOf(
      UnreadableImageError,
    );
  });

  it('turns a photo upright by its EXIF orientation and scales it to the reading width', async () => {
    // Upright: a black stroke near the left of a wide white picture.
    const upright = svg(
      '<rect width="300" height="100" fill="#fff"/><rect x="20" width="2" height="100" fill="#000"/>',
    );
    // Stored turned a quarter, as a phone held sideways writes it, with tag 6 to undo it.
    const stored = await sharp(await sharp(upright).png().toBuffer())
      .rotate(270)
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const prepared = await pixels(await prepareForOcr(stored));
    expect([prepared.width, prepared.height]).toEqual([1400, 467]);
    expect(prepared.at(98, 230)).toBeLessThan(60);
    expect(prepared.at(1300, 230)).toBeGreaterThan(200);
  });

  it('makes white text on a dark header dark text on white, like the rest of the page', async () => {
    const screen = svg(
      '<rect width="300" height="100" fill="#fff"/><rect width="300" height="50" fill="#1e8e3e"/>' +
        '<rect x="100" y="22" width="100" height="2" fill="#fff"/>' +
        '<rect x="100" y="72" width="100" height="2" fill="#222"/>',
    );
    const prepared = await pixels(await prepareForOcr(await sharp(screen).png().toBuffer()));
    const scale = prepared.width / 300;
    const at = (x: number, y: number) => prepared.at(Math.round(x * scale), Math.round(y * scale));
    expect(at(150, 23)).toBeLessThan(80); // the header's white stroke, now dark
    expect(at(30, 30)).toBeGreaterThan(180); // the green around it, now light
    expect(at(150, 73)).toBeLessThan(80); // dark text on white stays dark
    expect(at(30, 90)).toBeGreaterThan(180);
  });
});
