import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { Em } from '../tenancy/tenant-tx';
import { isUuid } from '../../shared/ids';

interface TenantRow {
  tenantId: string;
  id: string;
}

/**
 * Lookups by client-supplied ids: a string that is not a UUID finds nothing (rather than
 * reaching PostgreSQL as a cast error), and the tenant is always part of the key.
 */
export function findById<T extends TenantRow>(
  em: Em,
  entity: EntityClass<T>,
  tenantId: string,
  id: string,
): Promise<T | null> {
  return isUuid(id) ? em.findOne(entity, { tenantId, id } as FilterQuery<T>) : Promise.resolve(null);
}

export function findByIds<T extends TenantRow>(
  em: Em,
  entity: EntityClass<T>,
  tenantId: string,
  ids: readonly string[],
): Promise<T[]> {
  return em.find(entity, { tenantId, id: { $in: ids.filter(isUuid) } } as FilterQuery<T>);
}

/**
 * A PostgreSQL array literal for raw SQL (`= any(?::uuid[])`): the query builder would expand a
 * JS array into a comma list, which `any()` does not take and an empty list breaks.
 */
export const pgArray = (values: readonly string[]): string =>
  `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
