import type { RunningProcess } from '@hotline/platform';
import { DOCS_PREFIX } from '@hotline/runtime';
import type { DemoKeys } from './demo/demo-keys.ts';

/** Access control's lines: loud when off; else where the keys are, and the demo's keys to call with. */
function accessLines(running: RunningProcess, keys: DemoKeys | undefined): string[] {
  if (running.config.AUTH !== 'on') {
    return [
      '  !!! Contrôle d’accès DÉSACTIVÉ (AUTH=off) : chaque route répond à n’importe qui, sans clé.',
      '  !!! Access control is OFF (AUTH=off): every route answers anyone, without a key.',
      '  !!! Pour essais locaux seulement · for local experiments only; unset AUTH to turn it back on.',
    ];
  }
  const lines = [
    `  Contrôle d’accès    activé · on — empreintes des clés · key hashes: ${running.config.API_KEYS_FILE ?? 'JWT only'}`,
  ];
  const manager = keys?.keys.find(({ role }) => role === 'manager');
  if (keys === undefined || keys.keys.length === 0 || manager === undefined) {
    return [...lines, '                      npm run keys -- list · create · revoke (docs/access-control.md)'];
  }
  const width = Math.max(...keys.keys.map(({ who }) => who.length));
  return [
    ...lines,
    keys.made
      ? `  Clés de démonstration, créées à ce démarrage, gardées dans ${keys.secretsFile} (0600)`
      : `  Clés de démonstration, gardées dans ${keys.secretsFile} (0600)`,
    keys.made ? '  Demo keys, made at this start and kept there:' : '  Demo keys, kept there:',
    ...keys.keys.map(({ who, text }) => `    ${who.padEnd(width)}  ${text}`),
    `  Exemple · example   curl -H "x-api-key: ${manager.text}" ${running.url}/triage/waiting`,
    '  Tableau de bord : collez la clé du responsable · dashboard: paste the manager key',
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
