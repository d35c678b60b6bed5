import type { RunningProcess } from '@hotline/platform';
import { DOCS_PREFIX } from '@hotline/runtime';

/** What a newcomer needs to know once the product runs, in French first. */
export function printBanner(running: RunningProcess, demoTickets: number, loadMs: number): void {
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
    '  Arrêt               Ctrl+C',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
