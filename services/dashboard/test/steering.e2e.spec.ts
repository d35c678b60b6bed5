import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, chromiumMissing, type LaunchedChromium, launchChromium, newDashboardPage } from './chromium.ts';
import { type DemoProduct, startDemoProduct } from './demo-product.ts';
import { type SteeringSeed, seedSteering } from './steering-seed.ts';

const missing = chromiumMissing();
if (missing !== undefined) console.warn(`dashboard browser tests skipped: ${missing}`);

type Objective = {
  indicator: string;
  priority: string | null;
  target: number;
  actual: number | null;
  projected: number | null;
  status: string | null;
  trend: string | null;
};
type Budget = { budgetCents: number; provisionCents: number; projectedCents: number; status: string };
type Page_<Item> = { total: number; items: Item[] };
type Review = { clientId: string; reviewId: string; scheduledForAt: string; state: string; actions: number };
type BillingTotal = { clientId: string; month: string; currency: string; amountCents: number; items: number };
type BillingItem = { clientId: string; itemId: string; amountCents: number };
type Unpriced = { clientId: string; itemId: string; ticketId: string | null; minutes: number };
type Action = { kind: string; subject: string; fr: string; en: string };

/** The words each table's rows carry: `data-key` and the `data-value` of one column. */
const rowsOf = (page: Page, testId: string, column: string) =>
  page
    .getByTestId(testId)
    .locator('tbody tr[data-key]')
    .evaluateAll(
      (rows, name) =>
        rows.map((row) => [
          row.getAttribute('data-key'),
          row.querySelector(`[data-column="${name}"]`)?.getAttribute('data-value') ?? null,
        ]),
      column,
    );

describe.skipIf(missing !== undefined)("the dashboard's steering panels in Chromium (issue 11)", () => {
  let product: DemoProduct;
  let seed: SteeringSeed;
  let chromium: LaunchedChromium;
  let page: Page;

  beforeAll(async () => {
    product = await startDemoProduct();
    seed = await seedSteering(product);
    chromium = await launchChromium();
    page = await newDashboardPage(chromium, product.managerKey);
    await page.goto(product.url);
    await quiet();
  });

  afterAll(async () => {
    await chromium?.close();
    await product?.stop();
  });

  /** Until the page has read every panel after the last change of filter or language. */
  const quiet = () => page.waitForSelector('body[data-ready="true"]:not([data-rendering])');
  const value = (testId: string) => page.getByTestId(testId).getAttribute('data-value');

  it('shows each objective of the year as the API judges it, and the provision against the budget', async () => {
    const api = await product.getJson<{ objectives: Objective[]; budget: Budget }>('/reports/objectives/2026');
    // The seed sets objectives both met and missed: a page that showed one status everywhere fails.
    expect(new Set(api.objectives.map((item) => item.status))).toEqual(new Set(['met', 'missed']));
    const key = (item: Objective) => `${item.indicator}:${item.priority ?? 'all'}`;
    for (const column of ['status', 'trend', 'actual', 'projected', 'target'] as const) {
      expect(await rowsOf(page, 'objectives-table', column), column).toEqual(
        api.objectives.map((item) => [key(item), `${item[column] ?? ''}`]),
      );
    }
    const row = page.locator('[data-testid="objectives-table"] tr[data-key="malfunctions:P1"]');
    await expect(row.locator('[data-column="status"]').textContent()).resolves.toBe('manqué');
    await expect(row.locator('[data-column="actual"]').textContent()).resolves.toBe(
      new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(
        api.objectives[0]!.actual! / 100,
      ),
    );
    expect(await value('budget-provision')).toBe(`${api.budget.provisionCents}`);
    expect(await value('budget-projected')).toBe(`${api.budget.projectedCents}`);
    expect(await value('budget-amount')).toBe(`${api.budget.budgetCents}`);
    expect(await value('budget-status')).toBe(api.budget.status);
    const money = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
    await expect(page.getByTestId('budget-amount').textContent()).resolves.toBe(money.format(15_000));
    // The bar fills the provision's share of the scale (the budget here, the largest of the three).
    const fill = await page
      .locator('#objectives .gauge-fill')
      .evaluate((element) => element.getBoundingClientRect().width / element.parentElement!.clientWidth);
    expect(fill).toBeCloseTo(api.budget.provisionCents / api.budget.budgetCents, 2);
    await page.locator('#objectives').screenshot({ path: join(ARTIFACTS, 'objectives-fr-1280.png') });
  });

  it('follows the year selector: a year without objectives says so', async () => {
    await page.selectOption('#year', '2025');
    await quiet();
    await expect(page.getByTestId('objectives-not-set').isVisible()).resolves.toBe(true);
    await page.selectOption('#year', '2026');
    await quiet();
    await expect(page.getByTestId('objectives-table').isVisible()).resolves.toBe(true);
  });

  it('lists the clients due a review with the reason, the contexts, the reviews with their report, the actions', async () => {
    const due = await product.getJson<Page_<{ clientId: string; reason: string }>>('/reports/clients/reviews-due');
    expect(await rowsOf(page, 'reviews-due', 'reason').then((rows) => rows.map((row) => row[1]))).toEqual(
      due.items.map((item) => item.reason),
    );
    expect(new Set(due.items.map((item) => item.reason)).size).toBe(3);
    await expect(
      page.locator('[data-testid="reviews-due"] tbody tr').first().locator('td').nth(1).textContent(),
    ).resolves.toBe('contexte sans point prévu');
    const contexts = await product.getJson<Page_<{ clientId: string; context: string }>>('/reports/reviews/contexts');
    expect(
      await page
        .locator('[data-testid="review-contexts"] tbody tr[data-key]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key'))),
    ).toEqual(contexts.items.map((item) => `${item.clientId}:${item.context}`));
    const reviews = await product.getJson<Page_<Review>>('/reports/reviews?year=2026');
    expect(await rowsOf(page, 'reviews', 'state')).toEqual(
      reviews.items.map((item) => [`${item.clientId}:${item.reviewId}`, item.state]),
    );
    expect(await rowsOf(page, 'reviews', 'actions')).toEqual(
      reviews.items.map((item) => [`${item.clientId}:${item.reviewId}`, `${item.actions}`]),
    );
    const actions = await product.getJson<Page_<{ state: string }>>('/reports/reviews/actions?year=2026');
    expect((await rowsOf(page, 'review-actions', 'state')).map((row) => row[1])).toEqual(
      actions.items.map((item) => item.state),
    );
    await expect(page.locator('[data-testid="review-actions"] tr[data-level="critical"]').count()).resolves.toBe(
      actions.items.filter((item) => item.state === 'overdue').length,
    );
    expect(new Set(actions.items.map((item) => item.state))).toEqual(new Set(['overdue', 'open', 'done', 'dropped']));
    // A closed action shows its outcome in words, its day and the reason it was dropped.
    const dropped = page.locator('[data-testid="review-actions"] tbody tr[data-key]', {
      hasText: 'Planifier une revue de la paie',
    });
    await expect(dropped.locator('[data-column="state"]').textContent()).resolves.toBe('abandonnée');
    await expect(dropped.locator('[data-column="note"]').textContent()).resolves.toBe(
      'Le client a reporté sa paie à 2027',
    );
    await expect(dropped.locator('[data-column="closedAt"]').textContent()).resolves.toContain('12');
    await expect(dropped.getAttribute('data-level')).resolves.toBeNull();
    // INITECH's review looks back on January to September (its `period` in the reviews' rows): its
    // report covers those days, whatever the day it was held.
    const href = await page.getByTestId('review-report-R-INITECH-1').getAttribute('href');
    const url = new URL(href!, product.url);
    expect(url.pathname).toBe('/reports/clients/INITECH');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2026-01-01T00:00:00+01:00',
      to: '2026-10-01T00:00:00+02:00',
      lang: 'fr',
    });
    const report = await fetch(url, { headers: product.headers });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/html');
    await expect(report.text()).resolves.toContain('INITECH');
    await page.locator('#reviews').screenshot({ path: join(ARTIFACTS, 'reviews-fr-1280.png') });
  });

  it('shows billing per client and month to the cent, the items, the unpriced time aside', async () => {
    const api = await product.getJson<{
      totals: BillingTotal[];
      unpriced: Unpriced[];
      items: BillingItem[];
      total: number;
    }>('/reports/billing?month=2026&limit=1000');
    expect(await rowsOf(page, 'billing-totals', 'amount')).toEqual(
      api.totals.map((item) => [`${item.clientId}:${item.month}:${item.currency}`, `${item.amountCents}`]),
    );
    expect(await rowsOf(page, 'billing-items', 'amount')).toEqual(
      api.items.map((item) => [`${item.clientId}:${item.itemId}`, `${item.amountCents}`]),
    );
    const sum = api.totals.reduce((total, item) => total + item.amountCents, 0);
    expect(await value('billing-total')).toBe(`${sum}`);
    // 45 minutes at 123.45 € an hour: 92.5875 €, billed 92.59 €.
    await expect(
      page.locator('[data-testid="billing-items"] tr[data-key="UMBRELLA:OS-U1"] [data-column="amount"]').textContent(),
    ).resolves.toBe(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(92.59));
    expect(await rowsOf(page, 'billing-unpriced', 'minutes')).toEqual(
      api.unpriced.map((item) => [`${item.clientId}:${item.itemId}`, `${item.minutes}`]),
    );
    expect(api.unpriced.map((item) => item.ticketId)).toContain(seed.unpricedTicketId);
    await page.locator('#billing').screenshot({ path: join(ARTIFACTS, 'billing-fr-1280.png') });
  });

  it('downloads the invoicing CSV of the billing table, every item, French headers', async () => {
    const link = page.locator('#billing a.csv[href^="/reports/billing.csv"]');
    expect(Object.fromEntries(new URL((await link.getAttribute('href'))!, product.url).searchParams)).toEqual({
      month: '2026',
      lang: 'fr',
    });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const served = await (
      await fetch(`${product.url}/reports/billing.csv?month=2026&lang=fr`, { headers: product.headers })
    ).text();
    expect(text.slice(1)).toBe(served);
    const [header, ...lines] = text.slice(1).trim().split('\r\n');
    expect(header).toContain(';');
    const api = await product.getJson<{ total: number }>('/reports/billing?month=2026');
    expect(lines.length).toBe(api.total);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('narrows billing and reviews to the chosen client', async () => {
    await page.selectOption('#client', 'UMBRELLA');
    await quiet();
    const api = await product.getJson<{ totals: BillingTotal[] }>('/reports/billing?month=2026&clientId=UMBRELLA');
    expect(await rowsOf(page, 'billing-totals', 'amount')).toEqual(
      api.totals.map((item) => [`${item.clientId}:${item.month}:${item.currency}`, `${item.amountCents}`]),
    );
    expect(api.totals.every((item) => item.clientId === 'UMBRELLA')).toBe(true);
    await expect(page.locator('[data-testid="reviews-due"] tbody tr[data-key]').count()).resolves.toBe(1);
    await page.selectOption('#client', '');
    await quiet();
  });

  it('shows the time per product, client and agent, the training proposals with their reason, the catalogue', async () => {
    for (const by of ['product', 'client', 'agent']) {
      const time = await product.getJson<Page_<{ key: string; minutes: number }>>(`/reports/time?by=${by}&year=2026`);
      expect(await rowsOf(page, `time-${by}`, 'minutes'), by).toEqual(
        time.items.map((item) => [item.key, `${item.minutes}`]),
      );
    }
    const proposals = await product.getJson<
      Page_<{ product: string; reasons: string[]; reason: string; agentsToTrain: number }>
    >('/reports/trainings/proposals?year=2026');
    expect(await rowsOf(page, 'training-proposals', 'to-train')).toEqual(
      proposals.items.map((item) => [item.product, `${item.agentsToTrain}`]),
    );
    const bi = proposals.items.find((item) => item.product === 'BI')!;
    expect(bi.reasons).toContain('new_application');
    await expect(page.locator('[data-testid="training-proposals"] tr[data-key="BI"]').textContent()).resolves.toContain(
      bi.reason,
    );
    const trainings =
      await product.getJson<Page_<{ trainingId: string; status: string }>>('/reports/trainings?year=2026');
    expect(await rowsOf(page, 'trainings', 'status')).toEqual(
      trainings.items.map((item) => [item.trainingId, item.status]),
    );
    const catalogue =
      await product.getJson<Page_<{ product: string; documents: number; faqEntries: number }>>(
        '/reports/products?year=2026',
      );
    expect(await rowsOf(page, 'catalogue', 'documents')).toEqual(
      catalogue.items.map((item) => [item.product, `${item.documents}`]),
    );
    expect(await rowsOf(page, 'catalogue', 'faq')).toEqual(
      catalogue.items.map((item) => [item.product, `${item.faqEntries}`]),
    );
    await expect(page.locator('[data-testid="catalogue"] tr[data-key="ERP"]').textContent()).resolves.toContain(
      '11.0 : 31/12/2026',
    );
    await page.locator('#resources').screenshot({ path: join(ARTIFACTS, 'resources-fr-1280.png') });
  });

  it('opens the printable yearly activity report of the chosen year by the keyboard, and lists its actions', async () => {
    const report = await product.getJson<{ actions: Action[] }>('/reports/activity-report/2026?format=json');
    expect(report.actions.length).toBeGreaterThan(0);
    await expect(page.locator('[data-testid="proposed-actions"] li').allTextContents()).resolves.toEqual(
      report.actions.map((action) => action.fr),
    );
    const link = page.getByTestId('activity-report-link');
    expect(await link.getAttribute('href')).toBe('/reports/activity-report/2026');
    await link.focus();
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
    // A link sends no header: with the key, the page fetches the report itself and opens it from a blob.
    await popup.waitForURL(/^blob:/);
    await expect(popup.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await expect(popup.locator('h1').first().textContent()).resolves.toContain('2026');
    await popup.screenshot({ path: join(ARTIFACTS, 'activity-report-fr.png'), fullPage: true });
    await popup.close();
    await page.locator('#activity-report').screenshot({ path: join(ARTIFACTS, 'activity-report-panel-fr-1280.png') });
  });

  it('speaks English by the switch: the panels, the report in English', async () => {
    await page.click('#language');
    await quiet();
    await expect(page.locator('#objectives h2').textContent()).resolves.toBe('Objectives of the year');
    await expect(
      page
        .locator('[data-testid="objectives-table"] tr[data-key="malfunctions:P1"] [data-column="status"]')
        .textContent(),
    ).resolves.toBe('missed');
    const report = await product.getJson<{ actions: Action[] }>('/reports/activity-report/2026?format=json');
    await expect(page.locator('[data-testid="proposed-actions"] li').allTextContents()).resolves.toEqual(
      report.actions.map((action) => action.en),
    );
    const href = await page.getByTestId('activity-report-link').getAttribute('href');
    expect(href).toBe('/reports/activity-report/2026?lang=en');
    const english = await (await fetch(`${product.url}${href}`, { headers: product.headers })).text();
    expect(english).toMatch(/<html lang="en"/);
    await page.screenshot({ path: join(ARTIFACTS, 'steering-en-1280.png'), fullPage: true });
    await page.click('#language');
    await quiet();
    await expect(page.locator('#objectives h2').textContent()).resolves.toBe('Objectifs de l’année');
  });

  it('reads on a phone width (375 px) without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await quiet();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const id of ['objectives', 'reviews', 'billing', 'resources', 'activity-report']) {
      await page.locator(`#${id}`).screenshot({ path: join(ARTIFACTS, `${id}-fr-phone.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
