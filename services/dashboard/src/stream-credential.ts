import type { IncomingHttpHeaders } from 'node:http';

/** The cookie the page sets for its event stream (see `public/js/credentials.js`). */
export const STREAM_CREDENTIAL_COOKIE = 'hotline-stream-credential';

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * EventSource sends no header of its own, so the page hands the event stream its credential (API
 * key or token) in a cookie, scoped to the stream's path and to this site (SameSite=Strict), rather
 * than in the URL, which request logs, the browser's history and proxies keep. Before access control
 * runs on the stream, the cookie becomes the request's `Authorization: Bearer`, unless the request
 * already brings credentials of its own. Only this read-only route reads the cookie, so it cannot
 * carry a write for another site (no CSRF).
 */
export async function streamCredentialFromCookie(request: { headers: IncomingHttpHeaders }): Promise<void> {
  if (request.headers.authorization !== undefined || request.headers['x-api-key'] !== undefined) return;
  const credential = cookieValue(request.headers.cookie, STREAM_CREDENTIAL_COOKIE);
  if (credential !== undefined && credential !== '') request.headers.authorization = `Bearer ${credential}`;
}
