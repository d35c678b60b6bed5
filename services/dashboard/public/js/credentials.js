// With AUTH=on, the page calls the API as someone: an API key or a bearer token (JWT) the user
// pastes once. It is kept in sessionStorage (this tab, until it closes), sent by the page's reads as
// `Authorization: Bearer …`, and handed to the event stream in a cookie: EventSource sends no
// header, and a token in the URL would end in request logs, the history and proxies, where a cookie
// scoped to the stream's path and to this site (SameSite=Strict) does not.

const STORAGE_KEY = 'hotline.credential';
/** Read by the dashboard service on `/events/stream` only (`src/stream-credential.ts`). */
const STREAM_COOKIE = 'hotline-stream-credential';
const STREAM_PATH = '/events/stream';

/** @returns {string | undefined} */
export const credential = () => sessionStorage.getItem(STORAGE_KEY) ?? undefined;

/** @returns {Record<string, string>} */
export function credentialHeaders() {
  const text = credential();
  return text === undefined ? {} : { authorization: `Bearer ${text}` };
}

/** The stream's cookie: a session cookie (gone with the browser), this path and site only, Secure on https. */
export function shareWithStream(text = credential()) {
  if (text === undefined) return;
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: one cookie, written whole and encoded; the Cookie Store API is not in every browser yet.
  document.cookie = `${STREAM_COOKIE}=${encodeURIComponent(text)}; Path=${STREAM_PATH}; SameSite=Strict${secure}`;
}

/** @param {string} text */
export function rememberCredential(text) {
  sessionStorage.setItem(STORAGE_KEY, text);
  shareWithStream(text);
}

/**
 * The form that asks for a credential, shown when the API answers 401: the panels wait behind it.
 * `refused` says that the credential the page had was not accepted.
 * @param {boolean} refused
 */
export function askForCredential(refused) {
  const section = /** @type {HTMLElement} */ (document.getElementById('credentials'));
  const form = /** @type {HTMLFormElement} */ (document.getElementById('credentials-form'));
  const input = /** @type {HTMLInputElement} */ (document.getElementById('credential'));
  section.hidden = false;
  /** @type {HTMLElement} */ (document.getElementById('credentials-refused')).hidden = !refused;
  document.body.dataset.credentials = 'needed';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text === '') return;
    rememberCredential(text);
    window.location.reload();
  });
  input.focus();
}
