import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Environment, Nature } from '@hotline/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  chromiumMissing,
  type LaunchedChromium,
  launchChromium,
  newDashboardPage,
  withCredential,
} from './chromium.ts';
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
type Contract = {
  contractId: string;
  contractYear: { index: number };
  provisionCents: number;
  yearCapCents: number;
  accruedCents: number;
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
    page = await newDashboardPage(chromium, product.managerKey);
    await page.goto(product.url);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await chromium?.close();
    await product?.stop();
  });

  const value = (testId: string) => page.getByTestId(testId).getAttribute('data-value');
  /** Until the page has read every panel after the last change of filter or language. */
  const quiet = () => page.waitForSelector('body[data-ready="true"]:not([data-rendering])');

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
    await quiet();
  });

  it('offers the clients and products the hotline has seen, and the natures and environments of the domain', async () => {
    const options = (id: string) =>
      page.locator(`#${id} option`).evaluateAll((each) => each.map((option) => (option as HTMLOptionElement).value));
    const times = await product.getJson<{ items: { clientId: string }[] }>('/reports/processing-times?year=2026');
    const workload = await product.getJson<{ items: { product: string }[] }>('/reports/workload?year=2026');
    expect(await options('client')).toEqual(['', ...times.items.map((item) => item.clientId)]);
    expect(await options('product')).toEqual(['', ...workload.items.map((item) => item.product)]);
    expect(await options('nature')).toEqual(['', ...Nature.options]);
    expect(await options('environment')).toEqual(['', ...Environment.options]);
    await expect(page.locator('#nature option[value="malfunction"]').textContent()).resolves.toBe('dysfonctionnement');
    await expect(page.locator('#environment option[value="preproduction"]').textContent()).resolves.toBe(
      'préproduction',
    );
  });

  it('narrows the indicators, their monthly trend and their CSV by product, nature and environment', async () => {
    const scope = { product: 'ERP', nature: 'malfunction', environment: 'production' };
    const indicators = (query: Record<string, string>) =>
      product.getJson<Indicators & { months: { byPriority: Indicators['byPriority'] }[] }>(
        `/reports/indicators?${new URLSearchParams({ year: '2026', byMonth: 'true', ...query })}`,
      );
    const all = await indicators({});
    // Each filter narrows the demo's figures: an API or a page that ignored one could not pass.
    for (const [name, chosen] of Object.entries(scope)) {
      expect((await indicators({ [name]: chosen })).byPriority, name).not.toEqual(all.byPriority);
    }
    const api = await indicators(scope);
    for (const [id, chosen] of Object.entries(scope)) await page.selectOption(`#${id}`, chosen);
    await quiet();
    for (const priority of ['P1', 'P2', 'P3'] as const) {
      const figures = api.byPriority[priority];
      expect(await value(`ind1-${priority}`)).toBe(`${figures.malfunctions.within}/${figures.malfunctions.resolved}`);
      expect(await value(`ind2-${priority}`)).toBe(`${figures.functional.within}/${figures.functional.resolved}`);
      expect(await value(`ind3-${priority}`)).toBe(`${figures.productionOverrunDays}`);
      expect(await value(`ind4-${priority}`)).toBe(`${figures.productionOverThirtyDays}`);
      expect(await value(`ind5-${priority}`)).toBe(`${figures.claimingClients}`);
    }
    expect(await value('billable')).toBe(`${api.billableOutOfContract}`);
    await expect(page.getByTestId('indicators-scope').textContent()).resolves.toBe(
      'Filtres : produit ERP · dysfonctionnement · production',
    );
    // The trend's bars: the overrun days of each month under the same filters.
    const bars = await page.evaluate(() => {
      const chart = (
        globalThis as unknown as { Chart: { getChart(canvas: Element): { data: { datasets: { data: unknown[] }[] } } } }
      ).Chart;
      return chart.getChart(document.querySelector('#indicators canvas')!).data.datasets[1]!.data;
    });
    expect(bars).toEqual(
      api.months.map((month) =>
        (['P1', 'P2', 'P3'] as const).reduce((sum, p) => sum + month.byPriority[p].productionOverrunDays, 0),
      ),
    );
    await page.locator('#indicators').screenshot({ path: join(ARTIFACTS, 'indicators-filtered-fr-1280.png') });

    // The CSV of the table carries the same filters, and its figures are the filtered ones.
    const link = page.locator('#indicators a.csv');
    const href = new URL((await link.getAttribute('href'))!, product.url);
    expect(Object.fromEntries(href.searchParams)).toMatchObject({ year: '2026', ...scope, lang: 'fr' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    // The file starts with a byte order mark (for spreadsheets); fetch's text() drops it.
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const csv = async (query: Record<string, string>) =>
      (
        await fetch(`${product.url}/reports/indicators.csv?${new URLSearchParams({ year: '2026', ...query })}`, {
          headers: product.headers,
        })
      ).text();
    expect(text).toBe(await csv({ ...scope, lang: 'fr' }));
    expect(text).not.toBe(await csv({ lang: 'fr' }));

    for (const id of Object.keys(scope)) await page.selectOption(`#${id}`, '');
    await quiet();
    await expect(page.getByTestId('indicators-scope').textContent()).resolves.toBe('Filtres : toutes les DI');
  });

  it("follows the year: its clients and products, the chosen ones kept, the year's figures", async () => {
    await page.selectOption('#client', 'ACME');
    await quiet();
    await page.selectOption('#year', '2025');
    await quiet();
    const times = await product.getJson<{ items: { clientId: string }[] }>('/reports/processing-times?year=2025');
    const clients = await page
      .locator('#client option')
      .evaluateAll((each) => each.map((option) => (option as HTMLOptionElement).value));
    expect(clients.filter((clientId) => clientId !== 'ACME')).toEqual([
      '',
      ...times.items.map((item) => item.clientId),
    ]);
    expect(await page.locator('#client').inputValue()).toBe('ACME');
    const api = await product.getJson<Indicators>('/reports/indicators?year=2025&clientId=ACME');
    expect(await value('ind1-all')).toBe(
      `${(['P1', 'P2', 'P3'] as const).reduce((sum, p) => sum + api.byPriority[p].malfunctions.within, 0)}/${(['P1', 'P2', 'P3'] as const).reduce((sum, p) => sum + api.byPriority[p].malfunctions.resolved, 0)}`,
    );
    await expect(page.locator('#indicators caption').first().textContent()).resolves.toContain('2025');
    await page.selectOption('#year', '2026');
    await quiet();
    await page.selectOption('#client', '');
    await quiet();
  });

  it('narrows the overrun table by product', async () => {
    type Overrun = { ticketId: string; product: string };
    const all = await product.getJson<{ items: Overrun[] }>('/reports/overruns?year=2026&production=true');
    const erp = all.items.filter((item) => item.product === 'ERP');
    await page.selectOption('#product', 'ERP');
    await quiet();
    await expect(page.locator('[data-testid="overruns-table"] tbody tr[data-key]').count()).resolves.toBe(erp.length);
    await page.selectOption('#product', '');
    await quiet();
    await expect(page.locator('[data-testid="overruns-table"] tbody tr[data-key]').count()).resolves.toBe(
      all.items.length,
    );
  });

  it('switches to English and back, with the keyboard', async () => {
    await page.focus('#language');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toBe('Hotline — dashboard');
    await expect.poll(() => page.getByTestId('ind1-P2').textContent()).toMatch(/ of /);
    await expect.poll(() => page.locator('#indicators a.csv').getAttribute('href')).toContain('lang=en');
    await page.screenshot({ path: join(ARTIFACTS, 'indicators-en-1280.png'), fullPage: true });
    await page.click('#language');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hotline — tableau de bord');
    await quiet();
  });

  it('shows production overruns, the provision per contract with its cap, and the clients that claimed', async () => {
    const overruns = await product.getJson<{ overrunDays: number; items: { ticketId: string; overrunDays: number }[] }>(
      '/reports/overruns?year=2026&production=true',
    );
    const penalties = await product.getJson<{ provisionCents: number; items: Contract[] }>(
      '/reports/penalties?year=2026',
    );
    const claims = await product.getJson<{ items: { clientId: string; claims: number }[] }>(
      '/reports/penalties/claims?year=2026',
    );
    const rows = (testId: string) => page.getByTestId(testId).locator('tbody tr[data-key]');
    await expect(rows('overruns-table').count()).resolves.toBe(overruns.items.length);
    expect(await value('overrun-days')).toBe(`${overruns.overrunDays}`);
    for (const item of overruns.items.slice(0, 5)) {
      const cell = rows('overruns-table')
        .and(page.locator(`[data-key="${item.ticketId}"]`))
        .locator('[data-column="days"]');
      expect(await cell.getAttribute('data-value')).toBe(`${item.overrunDays}`);
    }
    const money = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
    expect(await page.getByTestId('provision-total').textContent()).toBe(money.format(penalties.provisionCents / 100));
    for (const contract of penalties.items) {
      const row = page.locator(
        `[data-testid="penalties-table"] tr[data-key="${contract.contractId}:${contract.contractYear.index}"]`,
      );
      expect(await row.locator('[data-column="provision"]').getAttribute('data-value')).toBe(
        `${contract.provisionCents}`,
      );
      expect(await row.locator('[data-column="cap"]').textContent()).toBe(money.format(contract.yearCapCents / 100));
    }
    expect(await rows('claims-table').evaluateAll((each) => each.map((row) => row.getAttribute('data-key')))).toEqual(
      claims.items.map((item) => item.clientId),
    );
    await page.locator('#overruns').screenshot({ path: join(ARTIFACTS, 'overruns-fr-1280.png') });
  });

  it('downloads a table as CSV, with French headers', async () => {
    const link = page.locator('#overruns a.csv').nth(1);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = text.slice(1).trim().split('\r\n');
    expect(header).toContain(';');
    const penalties = await product.getJson<{ items: Contract[] }>('/reports/penalties?year=2026');
    expect(lines.length).toBe(penalties.items.length);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('shows processing times per client, each with its printable report for a review meeting', async () => {
    type Times = { clientId: string; takeCharge: { count: number }; resolution: { count: number } };
    const times = await product.getJson<{ items: Times[] }>('/reports/processing-times?year=2026');
    const rows = page.locator('[data-testid="processing-times-table"] tbody tr[data-key]');
    expect(await rows.evaluateAll((each) => each.map((row) => row.getAttribute('data-key')))).toEqual(
      times.items.map((item) => item.clientId),
    );
    for (const item of times.items) {
      const row = page.locator(`[data-testid="processing-times-table"] tr[data-key="${item.clientId}"]`);
      expect(await row.locator('[data-column="takeCharge-count"]').getAttribute('data-value')).toBe(
        `${item.takeCharge.count}`,
      );
      expect(await row.locator('[data-column="resolution-count"]').getAttribute('data-value')).toBe(
        `${item.resolution.count}`,
      );
    }
    const href = await page.getByTestId(`client-report-${times.items[0]!.clientId}`).getAttribute('href');
    const report = await fetch(`${product.url}${href}`, { headers: product.headers });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/html');
    await page.locator('#clients').screenshot({ path: join(ARTIFACTS, 'clients-fr-1280.png') });
  });

  it('shows activity: volumes by product and agent, FAQ candidates, products that need trained agents', async () => {
    type Volume = { dimension: string; value: string; received: number };
    const volumes = await product.getJson<{ items: Volume[] }>('/reports/activity/volumes?year=2026');
    for (const dimension of ['product', 'agent']) {
      const expected = volumes.items.filter((item) => item.dimension === dimension);
      const shown = await page
        .locator(`[data-testid="volumes-${dimension}"] tbody tr[data-key]`)
        .evaluateAll((rows) =>
          rows.map((row) => [
            row.getAttribute('data-key'),
            row.querySelector('[data-value]')?.getAttribute('data-value'),
          ]),
        );
      expect(shown).toEqual(expected.map((item) => [item.value, `${item.received}`]));
    }
    const problems = await product.getJson<{ items: unknown[] }>('/reports/knowledge/recurring-problems?year=2026');
    await expect(page.locator('[data-testid="recurring-problems"] tbody tr[data-key]').count()).resolves.toBe(
      problems.items.length,
    );
    type Workload = { product: string; needsTraining: boolean };
    const workload = await product.getJson<{ items: Workload[] }>('/reports/workload?year=2026');
    for (const item of workload.items) {
      const cell = page.locator(`[data-testid="workload"] tr[data-key="${item.product}"] [data-column="training"]`);
      expect(await cell.getAttribute('data-value')).toBe(`${item.needsTraining}`);
    }
    await expect(page.locator('#activity canvas').count()).resolves.toBe(1);
    await page.locator('#activity').screenshot({ path: join(ARTIFACTS, 'activity-fr-1280.png') });
  });

  it("opens a ticket's replay from its link: the timeline with the SLA state after each event, the penalty", async () => {
    type Overrun = { ticketId: string; penaltyCents: number };
    const overruns = await product.getJson<{ items: Overrun[] }>('/reports/overruns?year=2026&production=true');
    const ticket = overruns.items.find((item) => item.penaltyCents > 0)!;
    const replay = await product.getJson<{ timeline: unknown[]; penalty: { amountCents: number; steps: unknown[] } }>(
      `/audit/tickets/${ticket.ticketId}`,
    );
    await page.locator(`[data-testid="overruns-table"] tr[data-key="${ticket.ticketId}"] a`).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid="audit-timeline"] tbody tr[data-key]').count())
      .toBe(replay.timeline.length);
    expect(await value('audit-amount')).toBe(`${replay.penalty.amountCents}`);
    expect(await value('audit-amount')).toBe(`${ticket.penaltyCents}`);
    await expect(page.locator('[data-testid="audit-penalty"] li').count()).resolves.toBe(replay.penalty.steps.length);
    await page.locator('#audit').screenshot({ path: join(ARTIFACTS, 'audit-fr-1280.png') });
  });

  /** The header in reading order: skip link, sections, filters, the language switch. */
  const HEADER_ORDER = [
    '#main',
    '#at-risk',
    '#indicators',
    '#objectives',
    '#overruns',
    '#clients',
    '#reviews',
    '#billing',
    '#activity',
    '#resources',
    '#activity-report',
    '#audit',
    'year',
    'client',
    'product',
    'nature',
    'environment',
    'language',
  ];

  /** Tabs through the header of a fresh page: where the focus goes, and whether it shows. */
  async function tabThroughHeader(width: number) {
    const fresh = await withCredential(
      await chromium.browser.newPage({ viewport: { width, height: 800 }, locale: 'fr-FR' }),
      product.managerKey,
    );
    await fresh.goto(product.url);
    await fresh.waitForSelector('body[data-ready="true"]');
    const stops: { stop: string; outline: string; inView: boolean }[] = [];
    for (const _ of HEADER_ORDER) {
      await fresh.keyboard.press('Tab');
      stops.push(
        await fresh.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          return {
            stop: element.id || (element.getAttribute('href') ?? element.tagName),
            outline: `${style.outlineStyle} ${style.outlineWidth}`,
            inView: box.left >= 0 && box.right <= window.innerWidth && box.width > 0,
          };
        }),
      );
    }
    return { fresh, stops };
  }

  it('takes the keyboard through the header in reading order, focus visible, to the language switch', async () => {
    const { fresh, stops } = await tabThroughHeader(1280);
    expect(stops.map((each) => each.stop)).toEqual(HEADER_ORDER);
    // Every stop shows where the focus is (`:focus-visible`, 3 px outline) and lies within the page's width.
    for (const each of stops) expect(each, each.stop).toMatchObject({ outline: 'solid 3px', inView: true });
    await fresh.screenshot({ path: join(ARTIFACTS, 'keyboard-language-focus-fr-1280.png') });
    await fresh.keyboard.press('Enter');
    await expect.poll(() => fresh.locator('html').getAttribute('lang')).toBe('en');
    // The switch redraws every panel: a Tab pressed meanwhile could land on a link being replaced.
    await fresh.waitForSelector('body[data-ready="true"]:not([data-rendering])');
    // The next stop after the header is the first panel's content.
    await fresh.keyboard.press('Tab');
    await expect(fresh.evaluate(() => document.activeElement?.closest('section')?.id)).resolves.toBe('at-risk');
    await fresh.close();
  });

  it('reads on a phone width (375 px) without sideways scrolling, the keyboard path the same', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await quiet();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-fr-phone.png'), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-fr-phone-top.png') });
    await page.locator('#at-risk').screenshot({ path: join(ARTIFACTS, 'at-risk-fr-phone.png') });
    await page.locator('#indicators').screenshot({ path: join(ARTIFACTS, 'indicators-fr-phone.png') });
    const { fresh, stops } = await tabThroughHeader(375);
    expect(stops.map((each) => each.stop)).toEqual(HEADER_ORDER);
    for (const each of stops) expect(each, each.stop).toMatchObject({ outline: 'solid 3px', inView: true });
    await fresh.screenshot({ path: join(ARTIFACTS, 'keyboard-language-focus-fr-phone.png') });
    await fresh.close();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-fr-1280.png'), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-fr-1280-top.png') });
  });
});
