import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

/** A person working at the center; the mediator columns are their mediator profile. */
@Entity({ tableName: 'staff_members' })
export class StaffMemberEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'text', nullable: true }) keycloakSubject: string | null = null;
  @Property({ type: 'text[]' }) roles: string[] = [];
  @Property({ type: 'uuid', nullable: true }) departmentId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) orgUnitId: string | null = null;
  @Property({ type: 'boolean' }) active: boolean = true;
  @Property({ type: 'boolean' }) isMediator: boolean = false;
  @Property({ type: 'text', nullable: true }) studioName: string | null = null;
  @Property({ type: 'text[]' }) languages: string[] = [];
  @Property({ type: 'boolean' }) goldMedal: boolean = false;
  @Property({ type: 'integer' }) maxConcurrentCases: number = 0;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}

@Entity({ tableName: 'mediator_specialties' })
export class MediatorSpecialtyEntity {
  [PrimaryKeyProp]?: ['tenantId', 'staffId', 'categoryId'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) staffId!: string;
  @PrimaryKey({ type: 'uuid' }) categoryId!: string;
}
