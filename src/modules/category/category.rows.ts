import { rowShape } from '../../core/db/plain-rows';
import type { CategoryEntity } from './category.entity';

/** A category as the read path selects it (joined into a page of cases, for one). */
export type CategoryFields = Omit<CategoryEntity, 'tenantId'>;
export const categoryRow = rowShape<CategoryFields>({
  id: 'value',
  code: 'value',
  name: 'value',
  parentId: 'value',
  defaultRiskLevel: 'value',
  archivedAt: 'timestamp',
  createdAt: 'timestamp',
  updatedAt: 'timestamp',
});
