import { urlOf } from './api.js';
import { credential, credentialHeaders } from './credentials.js';
import { h } from './dom.js';

/**
 * A link opening a printable report (HTML) in a new tab. A link sends no header: with a credential
 * the page fetches the report itself and opens it from a blob, as `csvLink` does for a file.
 * @param {{ path: string, query: Record<string, string | number | undefined>, label: string, testId: string }} link
 */
export function printableLink({ path, query, label, testId }) {
  const href = urlOf(path, query);
  const link = h('a', { href, target: '_blank', rel: 'noopener', 'data-testid': testId }, [label]);
  link.addEventListener('click', async (event) => {
    if (credential() === undefined) return;
    event.preventDefault();
    // Opened now, inside the click, so that the browser does not take it for a pop-up.
    const tab = window.open('', '_blank');
    const response = await fetch(href, { headers: { accept: 'text/html', ...credentialHeaders() } });
    if (!response.ok || tab === null) {
      tab?.close();
      return;
    }
    const page = URL.createObjectURL(new Blob([await response.text()], { type: 'text/html' }));
    tab.location.href = page;
    setTimeout(() => URL.revokeObjectURL(page), 60_000);
  });
  return link;
}

/** A Paris calendar day's start as an instant with its offset (`2026-03-01T00:00:00+01:00`). @param {string} day */
export function parisDayStart(day) {
  const noon = new Date(`${day}T12:00:00Z`);
  const offset =
    new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
      .formatToParts(noon)
      .find((part) => part.type === 'timeZoneName')
      ?.value.replace('GMT', '') || '+00:00';
  return `${day}T00:00:00${offset}`;
}

/** The day after a calendar day, `YYYY-MM-DD`. @param {string} day */
export function nextDay(day) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
