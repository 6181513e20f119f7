import type { UpiApp, UpiStatus } from '../reading.ts';
import { photograph, pickDistortion, type Distortion } from './distort.ts';
import type { Expected } from './expected.ts';
import { memeSvg, notAnExpense, photoSvg } from './others.ts';
import { seeded } from './random.ts';
import { receiptCase } from './receipts.ts';
import { renderSvg } from './svg.ts';
import { upiCase } from './upi.ts';

export interface CorpusImage {
  name: string;
  bytes: Buffer;
  expected: Expected;
  distortion: Distortion;
}

const apps: readonly UpiApp[] = ['Google Pay', 'PhonePe', 'Paytm', 'BHIM'];

interface Plan {
  name: string;
  svg: string;
  expected: Expected;
}

function plans(): Plan[] {
  const random = seeded(19);
  const list: Plan[] = [];
  for (let i = 0; i < 28; i++) {
    const { page, expected } = receiptCase(random);
    list.push({ name: `receipt-${i + 1}`, svg: renderSvg(page), expected });
  }
  const statuses: UpiStatus[] = ['success', 'success', 'success', 'failed', 'pending'];
  apps.forEach((app, a) => {
    statuses.forEach((status, s) => {
      // Not every app needs both unhappy screens; keep one of each per pair of apps.
      if (status !== 'success' && (a + s) % 2 === 1) return;
      const { page, expected } = upiCase(random, app, status);
      list.push({
        name: `upi-${app.replace(' ', '').toLowerCase()}-${status}-${s + 1}`,
        svg: renderSvg(page),
        expected,
      });
    });
  });
  for (let i = 0; i < 2; i++)
    list.push({ name: `photo-${i + 1}`, svg: photoSvg(random), expected: notAnExpense });
  for (let i = 0; i < 2; i++)
    list.push({ name: `meme-${i + 1}`, svg: memeSvg(random), expected: notAnExpense });
  return list;
}

/** Renders the corpus: the same images and expectations on every call. */
export async function buildCorpus(): Promise<CorpusImage[]> {
  const random = seeded(2026);
  const images: CorpusImage[] = [];
  for (const [index, plan] of plans().entries()) {
    // Every third image is photographed harshly; the rest gently, as most photos are.
    const distortion = pickDistortion(random, index % 3 === 0 ? 1 : 0.5);
    images.push({ ...plan, distortion, bytes: await photograph(plan.svg, distortion, random) });
  }
  return images;
}
