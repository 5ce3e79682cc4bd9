import { rowShape } from '../../core/db/plain-rows';
import type { StaffMemberEntity } from './staff.entity';

/** What the StaffMember type shows of a staff row, as the read path selects it. */
export type StaffFields = Omit<StaffMemberEntity, 'tenantId' | 'createdAt' | 'updatedAt'>;
export const staffRow = rowShape<StaffFields>({
  id: 'value',
  name: 'value',
  keycloakSubject: 'value',
  roles: 'value',
  departmentId: 'value',
  orgUnitId: 'value',
  active: 'value',
  isMediator: 'value',
  studioName: 'value',
  languages: 'value',
  goldMedal: 'value',
  maxConcurrentCases: 'value',
});
