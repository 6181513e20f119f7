// Reads one generated receipt and prints what was read; run by offline.test.ts under
// block-network.ts.
import sharp from 'sharp';
import { receiptCase } from '../corpus/receipts.ts';
import { seeded } from '../corpus/random.ts';
import { renderSvg } from '../corpus/svg.ts';
import { createReceiptReader } from '../reader.ts';

const { page, expected } = receiptCase(seeded(7));
const image = await sharp(Buffer.from(renderSvg(page)))
  .png()
  .toBuffer();
const reader = createReceiptReader({ workers: 1 });
try {
  const reading = await reader.read(image);
  process.stdout.write(
    JSON.stringify({ expected: expected.amountMinor, read: reading.amountMinor }),
  );
} finally {
  await reader.close();
}
