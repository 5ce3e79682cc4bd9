import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../../core/auth/viewer';
import type { CaseEntity } from './case.entity';
import { READ_ROLES } from './case.states';

/**
 * Which cases a reader may see. People with a reading role see the tenant's cases; a machine
 * feed (12345, 110: `intake-system` and nothing else that reads) sees only the cases its own
 * client reported. The client is recorded on the case at intake (`reporter_client_id`); reports
 * from before that column, or from a token that names no client, are matched by the reporting
 * subject (a Keycloak service account's subject belongs to exactly one client).
 */
export interface ReporterOnly {
  clientId: string | null;
  subject: string;
}

/** null: no restriction (people, and system work such as workers and hand-offs, which have no viewer). */
export function reporterOnly(viewer: Viewer | undefined): ReporterOnly | null {
  if (!viewer) return null;
  const readsAsPerson = READ_ROLES.some((r) => r !== 'intake-system' && viewer.roles.has(r));
  return readsAsPerson ? null : { clientId: viewer.clientId, subject: viewer.subject };
}

/** The restriction as an ORM condition on CaseEntity ({} when there is none). */
export function readableCases(viewer: Viewer | undefined): FilterQuery<CaseEntity> {
  const r = reporterOnly(viewer);
  if (!r) return {};
  const bySubject = { reporterClientId: null, reporterSubject: r.subject };
  return r.clientId ? { $or: [{ reporterClientId: r.clientId }, bySubject] } : bySubject;
}

/** The same restriction as SQL on a `cases` alias, for raw and query-builder reads. */
export function readableCasesSql(viewer: Viewer | undefined, alias = 'c'): { sql: string; params: unknown[] } | null {
  const r = reporterOnly(viewer);
  if (!r) return null;
  const bySubject = `(${alias}.reporter_client_id is null and ${alias}.reporter_subject = ?)`;
  return r.clientId
    ? { sql: `(${alias}.reporter_client_id = ? or ${bySubject})`, params: [r.clientId, r.subject] }
    : { sql: bySubject, params: [r.subject] };
}
