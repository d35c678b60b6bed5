import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** The system's Chromium (Debian's `chromium` package): no browser is downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of the test runs, gitignored, kept for a person to look at. */
export const ARTIFACTS = join(import.meta.dirname, '..', '..', '..', 'artifacts', 'dashboard');

/**
 * Why the browser tests cannot run here, or undefined when they can. In CI a missing browser is a
 * failure, not a skip: `.ci/run` installs it.
 */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const reason = `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(`CI is set and the browser tests cannot run: ${reason}`);
  return reason;
}

export interface LaunchedChromium {
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Headless, without the background traffic this closed network refuses. Playwright gives every
 * launch a fresh, empty profile (`--user-data-dir` of its own, removed on close).
 */
export async function launchChromium(): Promise<LaunchedChromium> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/**
 * The page's reader has pasted the credential already: `public/js/credentials.js` keeps it in
 * sessionStorage under `hotline.credential`, so the page loads its panels at once.
 */
export async function withCredential(page: Page, credential: string): Promise<Page> {
  await page.addInitScript((text) => sessionStorage.setItem('hotline.credential', text), credential);
  return page;
}

/**
 * A page at 1280×800 in French, the dashboard's reference screen, whose script errors reach the
 * test's output; with a credential, as if pasted already.
 */
export async function newDashboardPage(launched: LaunchedChromium, credential?: string): Promise<Page> {
  const page = await launched.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return credential === undefined ? page : withCredential(page, credential);
}
