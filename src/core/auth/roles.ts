export const ROLES = [
  'platform-admin',
  'tenant-admin',
  'intake-clerk',
  'dispatcher',
  'mediator',
  'liaison',
  'grid-worker',
  'leader',
  'auditor',
  'intake-system',
] as const;
export type Role = (typeof ROLES)[number];

const known = new Set<string>(ROLES);
export const isRole = (r: string): r is Role => known.has(r);
