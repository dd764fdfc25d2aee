import { existsSync } from 'node:fs';
import { AppError } from '../../errors.ts';

/** Debian's chromium package; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Prints a self-contained HTML page to A4 PDF in headless Chromium. The page loads nothing
 * (no network: every request is refused), so the PDF is the HTML as it is.
 */
export async function htmlToPdf(html: string): Promise<Buffer> {
  if (!existsSync(CHROMIUM)) {
    throw new AppError(
      'unavailable',
      `PDF needs Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
    );
  }
  // Loaded here, not with the module: playwright adds some 80 MB to every process that loads
  // it, and the server and most commands never print a PDF.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
