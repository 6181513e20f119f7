// Draws the app's PNG icons (static/icons/) from static/favicon.svg in Chromium, so they
// need no image library: the manifest's 192 and 512 px icons as the favicon is, and the
// maskable and Apple touch icons with the favicon's green to the edges, which the phone
// crops to its own shape. Run it after changing the favicon: `npm run icons`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webDir } from '../tests/app.ts';
import { launchChromium } from '../tests/browser.ts';

// The favicon's own background: its rounded corners vanish into it.
const GREEN = '#008069';

interface Icon {
  file: string;
  size: number;
  /** Fill the whole square; the artwork sits in the middle 80%, the safe zone of maskable icons. */
  fullBleed: boolean;
}

const ICONS: Icon[] = [
  { file: 'icon-192.png', size: 192, fullBleed: false },
  { file: 'icon-512.png', size: 512, fullBleed: false },
  { file: 'icon-maskable-512.png', size: 512, fullBleed: true },
  { file: 'apple-touch-icon.png', size: 180, fullBleed: true },
];

const svg = readFileSync(join(webDir, 'static/favicon.svg'));
const source = `data:image/svg+xml;base64,${svg.toString('base64')}`;

const browser = await launchChromium();
try {
  for (const { file, size, fullBleed } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const art = fullBleed ? Math.round(size * 0.8) : size;
    await page.setContent(
      `<body style="margin:0;display:grid;place-items:center;height:${size}px;` +
        `background:${fullBleed ? GREEN : 'transparent'}">` +
        `<img src="${source}" width="${art}" height="${art}" alt=""></body>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: join(webDir, 'static/icons', file), omitBackground: !fullBleed });
    await page.close();
    console.log(`static/icons/${file}: ${size}x${size}`);
  }
} finally {
  await browser.close();
}
