import sharp from 'sharp';
import type { Random } from './random.ts';

// How a phone mangles a bill: tilted, turned (written as EXIF orientation, as cameras
// do), blurred, grainy, recompressed.
export interface Distortion {
  /** EXIF orientation tag: 1 upright, 3 upside down, 6 and 8 turned a quarter. */
  orientation: 1 | 3 | 6 | 8;
  tiltDegrees: number;
  blurSigma: number;
  noise: number;
  scale: number;
  jpegQuality: number | null;
}

// The pixel turn that orientation tag undoes when the image is shown.
const storedTurn = { 1: 0, 3: 180, 6: 270, 8: 90 } as const;

export function pickDistortion(random: Random, harshness: number): Distortion {
  const noise = random.chance(0.5) ? Math.round(10 + 25 * harshness * random.next()) : 0;
  return {
    orientation: random.chance(0.35) ? random.pick([3, 6, 8] as const) : 1,
    tiltDegrees: random.chance(0.5) ? (random.next() * 2 - 1) * 3 * harshness : 0,
    blurSigma: random.chance(0.5) ? 0.4 + random.next() * 0.8 * harshness : 0,
    noise,
    scale: random.pick([0.8, 1, 1.5, 2.5]),
    // Grain makes a PNG incompressible (a big one passes Meta's 5 MB); phones send
    // photos as JPEG anyway, screenshots as either.
    jpegQuality: noise > 0 || random.chance(0.6) ? random.int(30, 85) : null,
  };
}

const GRAIN_TILE = 128;

// Sensor grain: a seeded tile of random greys laid over the whole photo.
async function grain(image: Buffer, amount: number, random: Random): Promise<Buffer> {
  const tile = Buffer.alloc(GRAIN_TILE * GRAIN_TILE);
  for (let i = 0; i < tile.length; i++) {
    tile[i] = Math.max(0, Math.min(255, 128 + Math.round((random.next() - 0.5) * 2 * amount)));
  }
  const raw = { width: GRAIN_TILE, height: GRAIN_TILE, channels: 1 } as const;
  return sharp(image)
    .composite([{ input: tile, raw, tile: true, blend: 'overlay' }])
    .png()
    .toBuffer();
}

export async function photograph(
  svg: string,
  distortion: Distortion,
  random: Random,
): Promise<Buffer> {
  let image: Buffer = await sharp(Buffer.from(svg))
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
  const { width = 600 } = await sharp(image).metadata();
  if (distortion.tiltDegrees !== 0) {
    image = await sharp(image)
      .rotate(distortion.tiltDegrees, { background: '#e8e4dc' })
      .png()
      .toBuffer();
  }
  let pipeline = sharp(image).resize({ width: Math.round(width * distortion.scale) });
  if (distortion.blurSigma >= 0.3) pipeline = pipeline.blur(distortion.blurSigma);
  image = await pipeline.png().toBuffer();
  if (distortion.noise > 0) image = await grain(image, distortion.noise, random);

  const turned = sharp(image).rotate(storedTurn[distortion.orientation]);
  const tagged =
    distortion.orientation === 1
      ? turned
      : turned.withMetadata({ orientation: distortion.orientation });
  return distortion.jpegQuality === null
    ? tagged.png().toBuffer()
    : tagged.jpeg({ quality: distortion.jpegQuality }).toBuffer();
}
