import sharp from 'sharp';

// Meta refuses images over 5 MB; reading a larger one here would only cost memory.
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

// Receipt text at this width is about 25-40 px high, where Tesseract's LSTM reads best;
// phone photos are shrunk to it and small screenshots enlarged.
const TARGET_WIDTH = 1400;

export class ImageTooLargeError extends Error {
  override readonly name = 'ImageTooLargeError';
  readonly bytes: number;
  readonly limit = MAX_IMAGE_BYTES;
  constructor(bytes: number) {
    super(
      `The image is ${(bytes / 1024 / 1024).toFixed(1)} MB; images up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB can be read.`,
    );
    this.bytes = bytes;
  }
}

export class UnreadableImageError extends Error {
  override readonly name = 'UnreadableImageError';
  constructor(cause: unknown) {
    super('The file is not an image that can be read.', { cause });
  }
}

// Wide enough to wash out strokes of the largest text (a payment screen's amount) and
// leave the paper or screen colour around them.
const BACKGROUND_BLUR = 24;
const CONTRAST = 2;

export async function prepareForOcr(bytes: Uint8Array): Promise<Buffer> {
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new ImageTooLargeError(bytes.byteLength);
  try {
    // rotate() with no angle applies the EXIF orientation phones write instead of
    // turning the pixels, before the resize, so portrait photos get the right width.
    const { data, info } = await sharp(bytes, { limitInputPixels: 40_000_000 })
      .rotate()
      .flatten({ background: '#ffffff' })
      .greyscale()
      .resize({ width: TARGET_WIDTH })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { width: info.width, height: info.height, channels: 1 } as const;
    const background = await sharp(data, { raw })
      .blur(BACKGROUND_BLUR)
      .extractChannel(0)
      .raw()
      .toBuffer();
    // Text is whatever differs from its surroundings: dark ink on paper and white
    // letters on a payment app's coloured header or a dark-mode screen both come out
    // as dark strokes on white, which is what Tesseract reads best.
    return await sharp(data, { raw })
      .composite([{ input: background, raw, blend: 'difference' }])
      .extractChannel(0)
      // White on a coloured header differs from it less than ink from paper; doubling
      // the difference makes both full strength while faint grain stays light.
      .linear(CONTRAST, 0)
      .negate()
      .normalise()
      .png({ compressionLevel: 1 })
      .toBuffer();
  } catch (error) {
    throw new UnreadableImageError(error);
  }
}
