import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, chromiumMissing, type LaunchedChromium, launchChromium, newDashboardPage } from './chromium.ts';
import { type DemoProduct, startDemoProduct, submitTicket } from './demo-product.ts';

const missing = chromiumMissing();

type Target = {
  target: string;
  remainingMinutes: number;
  dueAt: string | null;
  percent: number;
  runningNow?: boolean;
  runningChangesAt?: string | null;
};

const paris = (local: string) => Date.parse(`${local}+01:00`);
const FRIDAY_15 = paris('2026-11-27T15:00:00');
const FRIDAY_1750 = paris('2026-11-27T17:50:00');
const FRIDAY_1805 = paris('2026-11-27T18:05:00');
const MONDAY_0930 = paris('2026-11-30T09:30:00');

/**
 * The countdowns count business time, as the contract's calendar does: a P2 received Friday 15:00
 * has its take-charge (4 h of service hours) due Monday 10:00; after Friday 18:00 it has one hour
 * left, not 64, and that hour does not go down before Monday 09:00. The page's clock is driven
 * (playwright's clock) together with the product's virtual clock, so both tell the same time.
 */
describe.skipIf(missing !== undefined)('the countdowns in business time, in Chromium', () => {
  let product: DemoProduct;
  let chromium: LaunchedChromium;
  let page: Page;
  let ticketId: string;

  const takeCharge = async () => {
    const sla = await product.getJson<{ targets: Target[] }>(`/tickets/${ticketId}/sla`);
    return sla.targets.find((target) => target.target === 'takeCharge')!;
  };
  const cell = () => page.locator(`#at-risk tr[data-ticket="${ticketId}"] [data-target="takeCharge"]`);
  const remainingSeconds = async () =>
    Number(await cell().locator('.countdown').getAttribute('data-remaining-seconds'));

  beforeAll(async () => {
    product = await startDemoProduct();
    await product.clock.advanceTo(FRIDAY_15);
    ticketId = await submitTicket(product, { priority: 'P2', externalId: 'DASH-FRIDAY' });
    await product.clock.advanceTo(FRIDAY_1750);
    chromium = await launchChromium();
    page = await newDashboardPage(chromium, product.managerKey);
    await page.clock.install({ time: FRIDAY_1750 });
    await page.goto(product.url);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await chromium?.close();
    await product?.stop();
  });

  it('ticks down in service hours, and stops at closing time with the business time left', async () => {
    const before = await takeCharge();
    expect(before).toMatchObject({
      remainingMinutes: 70,
      dueAt: new Date(paris('2026-11-30T10:00:00')).toISOString(),
      runningNow: true,
      runningChangesAt: new Date(paris('2026-11-27T18:00:00')).toISOString(),
    });
    await expect.poll(remainingSeconds).toBeLessThanOrEqual(70 * 60);
    expect(await remainingSeconds()).toBeGreaterThan(70 * 60 - 30);
    await expect(cell().getAttribute('data-running')).resolves.toBe('true');

    // 18:05 for both clocks: the take-charge clock stopped at 18:00, one hour of service time left.
    await product.clock.advanceTo(FRIDAY_1805);
    await page.clock.runFor(15 * 60_000);
    await expect.poll(remainingSeconds, { timeout: 10_000 }).toBe(60 * 60);
    await expect(cell().getAttribute('data-running')).resolves.toBe('false');
    await expect(cell().locator('.countdown').textContent()).resolves.toBe('1 h 00 min 00 s');
    // 180 of its 240 minutes counted: the 75% warning, which the SLA clock raised at 18:00 too.
    await expect.poll(() => cell().getAttribute('data-level')).toBe('warning');
    expect(await takeCharge()).toMatchObject({ remainingMinutes: 60, percent: 75, runningNow: false });
    await page.locator('#at-risk').screenshot({ path: join(ARTIFACTS, 'countdown-friday-evening-fr-1280.png') });

    // The evening passes: nothing counts outside service hours.
    await product.clock.advanceTo(FRIDAY_1805 + 2 * 3600_000);
    await page.clock.runFor(2 * 3600_000);
    expect(await remainingSeconds()).toBe(60 * 60);
    await expect(cell().getAttribute('data-running')).resolves.toBe('false');
  });

  it('starts again on Monday at opening time, from what the SLA clock says then', async () => {
    await product.clock.advanceTo(MONDAY_0930);
    // The page's own clock jumps to Monday 09:30: its re-reading, due at Monday 09:00, fires.
    const now = await page.evaluate(() => Date.now());
    await page.clock.fastForward(MONDAY_0930 - now);
    await expect.poll(remainingSeconds, { timeout: 10_000 }).toBeLessThanOrEqual(30 * 60);
    expect(await remainingSeconds()).toBeGreaterThan(30 * 60 - 30);
    await expect(cell().getAttribute('data-running')).resolves.toBe('true');
    const monday = await remainingSeconds();
    await product.clock.advanceBy(60_000);
    await page.clock.runFor(60_000);
    await expect.poll(remainingSeconds).toBeLessThanOrEqual(monday - 60);
    await page.locator('#at-risk').screenshot({ path: join(ARTIFACTS, 'countdown-monday-morning-fr-1280.png') });
  });
});
