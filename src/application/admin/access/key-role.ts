/**
 * What a company key may do. An owner key manages the company's keys (creates and revokes them)
 * besides everything else; an operator key does the salon's daily work (catalog, customers,
 * appointments, calendar settings, sync review, audit log) but cannot create or revoke keys.
 */
export const KEY_ROLES = ['owner', 'operator'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];
