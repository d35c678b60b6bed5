// The alerts' lease and checkpoint in SQLite are messaging's generic adapter (the relay's too), under the
// row `alertCoordinationFor` names; kept under this name for the package's exports.
export { SqliteRelayCoordination as SqliteAlertCoordination } from '@hotline/messaging';
