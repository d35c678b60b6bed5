import type { RunningProcess } from '@hotline/platform';
import { DOCS_PREFIX } from '@hotline/runtime';
import type { DemoKeys } from './demo/demo-keys.ts';

/** Access control's lines: the keys made at this start (shown this once), or where they are kept. */
function accessLines(running: RunningProcess, keys: DemoKeys | undefined): string[] {
  if (running.config.AUTH !== 'on') return ['  Contrôle d’accès    désactivé (AUTH=off) · access control off'];
  const lines = [
    `  Contrôle d’accès    activé (AUTH=on) · clés (empreintes) dans ${running.config.API_KEYS_FILE ?? '—'}`,
  ];
  if (keys === undefined || keys.created.length === 0) {
    return [...lines, '                      npm run keys -- list · create · revoke'];
  }
  const width = Math.max(...keys.created.map(({ who }) => who.length));
  return [
    ...lines,
    '  Clés de démonstration, affichées cette fois seulement (seules leurs empreintes sont gardées)',
    '  Demo keys, shown this once (only their hashes are kept):',
    ...keys.created.map(({ who, text }) => `    ${who.padEnd(width)}  ${text}`),
    `  Exemple · example   curl -H "x-api-key: <clé>" ${running.url}/triage/waiting`,
  ];
}

/** What a newcomer needs to know once the product runs, in French first. */
export function printBanner(running: RunningProcess, demoTickets: number, loadMs: number, keys?: DemoKeys): void {
  const { url, config } = running;
  const lines = [
    '',
    'Hotline démarrée (mode embarqué)',
    `  Tableau de bord     ${url}/`,
    `  API                 ${url}`,
    `  Documentation API   ${url}${DOCS_PREFIX}`,
    `  Santé               ${url}/healthz · ${url}/readyz · ${url}/metrics`,
    `  Magasin d’événements ${config.SQLITE_FILE}`,
    demoTickets > 0
      ? `  Démo chargée        ${demoTickets} demandes d’intervention depuis janvier (${(loadMs / 1000).toFixed(1)} s)`
      : '  Données existantes conservées (la démo ne se charge que sur un magasin vide)',
    ...accessLines(running, keys),
    '  Arrêt               Ctrl+C',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
