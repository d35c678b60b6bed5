import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, chromiumMissing, type LaunchedChromium, launchChromium } from './chromium.ts';
import { type DemoProduct, startDemoProduct } from './demo-product.ts';

const missing = chromiumMissing();
if (missing !== undefined) console.warn(`dashboard browser tests skipped: ${missing}`);

type Counts = { within: number; resolved: number };
type PriorityIndicators = {
  malfunctions: Counts;
  functional: Counts;
  productionOverrunDays: number;
  productionOverThirtyDays: number;
  claimingClients: number;
};
type Indicators = {
  byPriority: Record<'P1' | 'P2' | 'P3', PriorityIndicators>;
  claimingClients: string[];
  billableOutOfContract: number;
};

describe.skipIf(missing !== undefined)('the dashboard in Chromium, on the demo hotline', () => {
  let product: DemoProduct;
  let chromium: LaunchedChromium;
  let page: Page;

  beforeAll(async () => {
    product = await startDemoProduct();
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(product.url);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await chromium?.close();
    await product?.stop();
  });

  const value = (testId: string) => page.getByTestId(testId).getAttribute('data-value');

  it('shows the five indicators per priority as the API returns them, in French', async () => {
    const api = await product.getJson<Indicators>('/reports/indicators?year=2026');
    for (const priority of ['P1', 'P2', 'P3'] as const) {
      const figures = api.byPriority[priority];
      expect(await value(`ind1-${priority}`)).toBe(`${figures.malfunctions.within}/${figures.malfunctions.resolved}`);
      expect(await value(`ind2-${priority}`)).toBe(`${figures.functional.within}/${figures.functional.resolved}`);
      expect(await value(`ind3-${priority}`)).toBe(`${figures.productionOverrunDays}`);
      expect(await value(`ind4-${priority}`)).toBe(`${figures.productionOverThirtyDays}`);
      expect(await value(`ind5-${priority}`)).toBe(`${figures.claimingClients}`);
    }
    expect(await value('ind5-all')).toBe(`${api.claimingClients.length}`);
    expect(await value('billable')).toBe(`${api.billableOutOfContract}`);
    const p2 = api.byPriority.P2.malfunctions;
    await expect(page.getByTestId('ind1-P2').textContent()).resolves.toContain(`${p2.within} sur ${p2.resolved}`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await expect(page.locator('#indicators canvas').count()).resolves.toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'indicators-fr-1280.png'), fullPage: true });
  });

  it('narrows the indicators to one client', async () => {
    const api = await product.getJson<Indicators>('/reports/indicators?year=2026&clientId=ACME');
    await page.selectOption('#client', 'ACME');
    await expect
      .poll(() => value('ind1-P3'))
      .toBe(`${api.byPriority.P3.malfunctions.within}/${api.byPriority.P3.malfunctions.resolved}`);
    expect(await value('billable')).toBe(`${api.billableOutOfContract}`);
    await page.selectOption('#client', '');
  });

  it('switches to English and back, with the keyboard', async () => {
    await page.focus('#language');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Hotline — dashboard');
    await expect.poll(() => page.getByTestId('ind1-P2').textContent()).toMatch(/ of /);
    await page.screenshot({ path: join(ARTIFACTS, 'indicators-en-1280.png'), fullPage: true });
    await page.click('#language');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hotline — tableau de bord');
  });
});
