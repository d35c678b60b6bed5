// The query APIs of the same origin: reporting's projections and the SLA clock's lists.

import { credentialHeaders } from './credentials.js';

/** @param {string} path @param {Record<string, string | number | undefined>} [query] */
export function urlOf(path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(name, `${value}`);
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

/** @param {string} path @param {Record<string, string | number | undefined>} [query] */
export async function getJson(path, query) {
  const response = await fetch(urlOf(path, query), {
    headers: { accept: 'application/json', ...credentialHeaders() },
  });
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  return response.json();
}
