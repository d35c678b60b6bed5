import type { RouteAccess } from '@hotline/runtime';

/**
 * Who reads the dashboard (issue #10): the hotline's people and its auditors. The event stream and
 * the relayed reads carry every client's tickets, so a client's key is not among them; the page and
 * its assets hold no data and load for anyone, so that the page can ask for a key.
 */
export const DASHBOARD_READERS: RouteAccess = { roles: ['agent', 'manager', 'auditor'] };
export const PAGE: RouteAccess = 'public';
