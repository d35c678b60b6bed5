import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, chromiumMissing, type LaunchedChromium, launchChromium } from './chromium.ts';
import { type DemoProduct, startDemoProduct } from './demo-product.ts';

const missing = chromiumMissing();
if (missing !== undefined) console.warn(`dashboard browser tests skipped: ${missing}`);

type Indicators = { byPriority: Record<'P2', { malfunctions: { within: number; resolved: number } }> };

describe.skipIf(missing !== undefined)('the dashboard in Chromium with access control on, as by default', () => {
  let managerKey: string;
  let product: DemoProduct;
  let chromium: LaunchedChromium;

  beforeAll(async () => {
    // Access control as by default, with the keys file the product reads and a manager's key in it.
    product = await startDemoProduct();
    managerKey = product.managerKey;
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
    await product?.stop();
  });

  async function freshPage(browser: Browser): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(product.url);
    return page;
  }

  it('without a credential, the page loads and asks for a key or token, showing no data', async () => {
    const page = await freshPage(chromium.browser);
    await page.waitForSelector('body[data-credentials="needed"]');
    await expect(page.locator('#credentials').isVisible()).resolves.toBe(true);
    await expect(page.locator('#credentials h2').textContent()).resolves.toBe('Identification');
    await expect(page.locator('#credentials-refused').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('ind1-P2').count()).resolves.toBe(0);
    await expect(page.locator('body').getAttribute('data-ready')).resolves.toBeNull();
    await page.screenshot({ path: join(ARTIFACTS, 'credentials-fr-1280.png'), fullPage: true });
    await page.context().close();
  });

  it('a refused key is said so, and the page asks again', async () => {
    const page = await freshPage(chromium.browser);
    await page.waitForSelector('body[data-credentials="needed"]');
    await page.fill('#credential', 'hk_0123456789abcdef_not-a-key-of-this-hotline');
    await page.click('#credentials button[type="submit"]');
    await page.waitForSelector('#credentials-refused:not([hidden])');
    await expect(page.locator('body').getAttribute('data-credentials')).resolves.toBe('needed');
    await page.context().close();
  });

  it("with the manager's key pasted once, the panels load, the stream is live and the CSV downloads", async () => {
    const page = await freshPage(chromium.browser);
    await page.waitForSelector('body[data-credentials="needed"]');
    await page.fill('#credential', managerKey);
    await page.click('#credentials button[type="submit"]');
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.locator('#credentials').isVisible()).resolves.toBe(false);

    const response = await fetch(`${product.url}/reports/indicators?year=2026`, {
      headers: { 'x-api-key': managerKey },
    });
    const api = (await response.json()) as Indicators;
    const p2 = api.byPriority.P2.malfunctions;
    await expect(page.getByTestId('ind1-P2').getAttribute('data-value')).resolves.toBe(`${p2.within}/${p2.resolved}`);
    for (const panel of ['at-risk', 'indicators', 'overruns', 'clients', 'activity']) {
      await expect(page.locator(`#${panel} .error`).count(), panel).resolves.toBe(0);
    }
    // EventSource sends no header: the key reached the stream through its cookie.
    await page.waitForSelector('#live[data-state="live"]');

    // The page fetches the CSV with the key, which a plain link could not send.
    const link = page.locator('#indicators a.csv');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const href = new URL((await link.getAttribute('href'))!, product.url);
    const expected = await (await fetch(href, { headers: { 'x-api-key': managerKey } })).text();
    expect(text).toBe(expected);
    expect(text.length).toBeGreaterThan(0);

    // The key stays with the tab: a reload needs no second paste.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.screenshot({ path: join(ARTIFACTS, 'signed-in-fr-1280.png'), fullPage: true });
    await page.context().close();
  });

  it("with the manager's key, the steering panels load and the yearly report opens with the key", async () => {
    const page = await freshPage(chromium.browser);
    await page.waitForSelector('body[data-credentials="needed"]');
    await page.fill('#credential', managerKey);
    await page.click('#credentials button[type="submit"]');
    await page.waitForSelector('body[data-ready="true"]:not([data-rendering])');
    // Their routes are the manager's and the auditors' only (reporting's README): the key reached them.
    for (const panel of ['objectives', 'reviews', 'billing', 'resources', 'activity-report']) {
      await expect(page.locator(`#${panel} .error`).count(), panel).resolves.toBe(0);
      await expect(page.locator(`#${panel} h2`).count(), panel).resolves.toBe(1);
    }
    const refused = await fetch(`${product.url}/reports/activity-report/2026`);
    expect(refused.status).toBe(401);
    // Read to its end: a body left unread keeps its connection, which the product's shutdown waits for.
    await refused.text();
    // A link sends no header: the page fetches the report with the key and opens it from a blob.
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('activity-report-link').click()]);
    await popup.waitForURL(/^blob:/);
    await expect(popup.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await expect(popup.locator('h1').first().textContent()).resolves.toContain('2026');
    await popup.close();
    await page.context().close();
  });

  it('the stream refuses a request without credentials, and takes the cookie or a header', async () => {
    const bare = await fetch(`${product.url}/events/stream`);
    expect(bare.status).toBe(401);
    await bare.body?.cancel();
    const cookie = await fetch(`${product.url}/events/stream`, {
      headers: { cookie: `hotline-stream-credential=${encodeURIComponent(managerKey)}` },
    });
    expect(cookie.status).toBe(200);
    await cookie.body?.cancel();
    const wrong = await fetch(`${product.url}/events/stream`, {
      headers: { cookie: 'hotline-stream-credential=hk_0123456789abcdef_wrong' },
    });
    expect(wrong.status).toBe(401);
    await wrong.body?.cancel();
  });
});
