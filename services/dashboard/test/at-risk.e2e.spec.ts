import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, chromiumMissing, type LaunchedChromium, launchChromium, newDashboardPage } from './chromium.ts';
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
    page = await newDashboardPage(chromium, product.managerKey);
    await page.goto(product.url);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await chromium?.close();
    await product?.stop();
  });

  const rowOf = (ticketId: string) => page.locator(`#at-risk tr[data-ticket="${ticketId}"]`);

  /** The paths `page` requests while `run` runs. */
  async function requestedBy(on: Page, run: () => Promise<void>): Promise<string[]> {
    const paths: string[] = [];
    const listen = (request: Request) => paths.push(new URL(request.url()).pathname);
    on.on('request', listen);
    try {
      await run();
    } finally {
      on.off('request', listen);
    }
    return paths;
  }
  const perTicket = (paths: string[]) => paths.filter((path) => /^\/tickets\/[^/]+\/sla$/.test(path));

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

  it('reads the two lists on a refresh, and no ticket one by one: the lists carry every target', async () => {
    await page.waitForSelector('#live[data-state="live"]');
    let ticketId = '';
    const paths = await requestedBy(page, async () => {
      // A new ticket: the page hears its event and reads the panel again.
      ticketId = await submitTicket(product, { priority: 'P2', externalId: 'DASH-ONE-READING' });
      await expect.poll(() => rowOf(ticketId).count(), { timeout: 20_000 }).toBe(1);
    });
    expect(paths.filter((path) => path === '/sla/at-risk').length).toBeGreaterThan(0);
    expect(paths.filter((path) => path === '/sla/breached').length).toBeGreaterThan(0);
    expect(perTicket(paths)).toEqual([]);
    // Its three targets, from the list alone: the take-charge counts down, the others wait their turn.
    const cells = rowOf(ticketId).locator('[data-target]');
    await expect(
      cells.evaluateAll((each) => each.map((cell) => (cell as HTMLElement).dataset.target)),
    ).resolves.toEqual(['takeCharge', 'workaround', 'resolution']);
    await expect(page.getByTestId(`countdown-${ticketId}-takeCharge`).textContent()).resolves.toMatch(
      /\d+ h \d{2} min \d{2} s/,
    );
  });

  it('reads ticket by ticket from an SLA clock whose lists carry one target only (an older release)', async () => {
    const older = await newDashboardPage(chromium, product.managerKey);
    try {
      // The lists as the SLA clock gave them before `targets`.
      await older.route(/\/sla\/(at-risk|breached)\b/, async (route) => {
        const response = await route.fetch();
        const list = (await response.json()) as { tickets: { targets?: unknown }[] };
        for (const ticket of list.tickets) delete ticket.targets;
        await route.fulfill({ response, json: list });
      });
      const paths = await requestedBy(older, async () => {
        await older.goto(product.url);
        await older.waitForSelector('body[data-ready="true"]');
      });
      const shown = await older
        .locator('#at-risk tr[data-ticket]')
        .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.ticket));
      expect(shown.length).toBeGreaterThan(0);
      expect(perTicket(paths).sort()).toEqual(shown.map((ticketId) => `/tickets/${ticketId}/sla`).sort());
      // The same rows and cells as the page that read the lists alone.
      const cellsOf = (on: Page) =>
        on
          .locator('#at-risk tr[data-ticket] [data-target]')
          .evaluateAll((cells) => cells.map((cell) => `${cell.closest('tr')!.dataset.ticket} ${cell.textContent}`));
      const stable = (lines: string[]) => lines.map((line) => line.replace(/−?[\d\s\u202f]+ h \d{2} min \d{2} s/, ''));
      expect(stable(await cellsOf(older))).toEqual(stable(await cellsOf(page)));
    } finally {
      await older.close();
    }
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
