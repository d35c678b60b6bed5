import type { RouteAccess } from '@hotline/runtime';

/**
 * Who reads reporting (issue #10). A client reads its own company's statistics and reports: the
 * route's `clientId` names it (a client key must give its own; the queries already narrow every
 * table, CSV and figure to it), or the ticket it asks about. The hotline's people and the auditors
 * read everything; the audit and the as-of replays are the auditors' and the manager's.
 */
export const CLIENT_STATISTICS: RouteAccess = {
  roles: ['client', 'agent', 'manager', 'auditor'],
  client: { clientId: 'query.clientId' },
};
export const CLIENT_TICKET: RouteAccess = {
  roles: ['client', 'agent', 'manager', 'auditor'],
  client: { ticketId: 'params.ticketId' },
};
export const CLIENT_REPORT: RouteAccess = {
  roles: ['client', 'agent', 'manager', 'auditor'],
  client: { clientId: 'params.clientId' },
};
/** The hotline's own figures (workload, FAQ candidates): no client's to read. */
export const HOTLINE_REPORTS: RouteAccess = { roles: ['agent', 'manager', 'auditor'] };
export const AUDIT: RouteAccess = { roles: ['auditor', 'manager'] };
