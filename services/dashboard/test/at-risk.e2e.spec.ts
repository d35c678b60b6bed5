import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, chromiumMissing, type LaunchedChromium, launchChromium } from './chromium.ts';
import { type DemoProduct, startDemoProduct, submitTicket } from './demo-product.ts';

const missing = chromiumMissing();

type Listed = { ticketId: string; target: string; dueAt: string; percent: number };
type Lists = { asOf: string; tickets: Listed[] };
type Ticket = { ticketId: string; assignee: string | null };

describe.skipIf(missing !== undefined)('the at-risk panel in Chromium, live', () => {
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

  const rowOf = (ticketId: string) => page.locator(`#at-risk tr[data-ticket="${ticketId}"]`);

  it('lists the open tickets of the SLA clock, the next due first, with their agent and countdowns', async () => {
    const atRisk = await product.getJson<Lists>('/sla/at-risk?limit=100');
    const breached = await product.getJson<Lists>('/sla/breached?limit=100');
    expect(atRisk.tickets.length).toBeGreaterThan(0);
    const expected = [...new Set([...breached.tickets, ...atRisk.tickets].map((ticket) => ticket.ticketId))];
    const shown = await page
      .locator('#at-risk tr[data-ticket]')
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.ticket));
    expect(shown).toEqual(expected);
    const open = await product.getJson<{ items: Ticket[] }>('/reports/tickets?limit=1000');
    const first = atRisk.tickets[0]!;
    const assignee = open.items.find((ticket) => ticket.ticketId === first.ticketId)?.assignee;
    await expect(rowOf(first.ticketId).locator('td').nth(4).textContent()).resolves.toBe(assignee ?? 'non affectée');
    await expect(page.getByTestId(`countdown-${first.ticketId}-${first.target}`).textContent()).resolves.toMatch(
      /\d+ h \d{2} min \d{2} s/,
    );
    // Wednesday 10:00 in Paris is within service hours: the countdown ticks in the page.
    const countdown = page.getByTestId(`countdown-${first.ticketId}-${first.target}`);
    const before = await countdown.textContent();
    await expect.poll(() => countdown.textContent(), { timeout: 5_000 }).not.toBe(before);
    await page.screenshot({ path: join(ARTIFACTS, 'at-risk-fr-1280.png'), fullPage: true });
  });

  it('colours a ticket warning, critical, then breached as its consumed share crosses 75%, 90%, 100%', async () => {
    await page.waitForSelector('#live[data-state="live"]');
    const start = product.clock.now();
    // P1 malfunction on ACME's ERP: take-charge within 60 minutes, every minute counted (calendar).
    const ticketId = await submitTicket(product, { priority: 'P1', externalId: 'DASH-COLOURS' });
    const row = rowOf(ticketId);
    await expect.poll(() => row.getAttribute('data-level'), { timeout: 20_000 }).toBe('ok');
    const navigations = () => page.evaluate(() => performance.getEntriesByType('navigation').length);
    const before = await navigations();
    const steps = [
      { minutes: 46, percent: 75, level: 'warning', colour: 'rgb(255, 241, 204)' },
      { minutes: 55, percent: 90, level: 'critical', colour: 'rgb(255, 217, 176)' },
      { minutes: 61, percent: 100, level: 'breached', colour: 'rgb(179, 38, 30)' },
    ];
    for (const step of steps) {
      // The product's clock moves; its SLA clock raises the crossing, the page hears it and reads again.
      await product.clock.advanceTo(start + step.minutes * 60_000);
      type Sla = { targets: { target: string; percent: number }[] };
      const sla = await product.getJson<Sla>(`/tickets/${ticketId}/sla`);
      expect(sla.targets.find((target) => target.target === 'takeCharge')!.percent).toBeGreaterThanOrEqual(
        step.percent,
      );
      await expect.poll(() => row.getAttribute('data-level'), { timeout: 20_000 }).toBe(step.level);
      await expect(row.locator('[data-target="takeCharge"]').getAttribute('data-level')).resolves.toBe(step.level);
      expect(await row.evaluate((each) => getComputedStyle(each).backgroundColor)).toBe(step.colour);
      await page.locator('#at-risk').screenshot({ path: join(ARTIFACTS, `at-risk-colour-${step.level}-fr-1280.png`) });
    }
    expect(await navigations()).toBe(before);
  });

  it('turns a ticket red without a reload when its deadline passes while the page is open', async () => {
    await page.waitForSelector('#live[data-state="live"]');
    const atRisk = await product.getJson<Lists>('/sla/at-risk?limit=100');
    const late = new Set(
      (await product.getJson<Lists>('/sla/breached?limit=100')).tickets.map((each) => each.ticketId),
    );
    // The next deadline of a ticket that has not breached one yet.
    const next = atRisk.tickets.find((ticket) => !late.has(ticket.ticketId))!;
    expect(await rowOf(next.ticketId).getAttribute('data-level')).not.toBe('breached');
    const before = await page.evaluate(() => performance.getEntriesByType('navigation').length);

    // The SLA clock's timer fires on the virtual clock: SlaBreached → relay → bus → /events/stream.
    await product.clock.advanceTo(Date.parse(next.dueAt) + 60_000);
    await expect.poll(() => rowOf(next.ticketId).getAttribute('data-level'), { timeout: 20_000 }).toBe('breached');
    const colour = await rowOf(next.ticketId).evaluate((row) => getComputedStyle(row).backgroundColor);
    expect(colour).toBe('rgb(179, 38, 30)');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(before);
    const breached = await product.getJson<Lists>('/sla/breached?limit=100');
    expect(breached.tickets.map((ticket) => ticket.ticketId)).toContain(next.ticketId);
    await page.screenshot({ path: join(ARTIFACTS, 'at-risk-breached-fr-1280.png'), fullPage: true });
  });
});
