import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { uuidv7 } from '../../shared/ids';

/** Append-only: the app role may insert and select these rows, never update or delete them. */
@Entity({ tableName: 'audit_events' })
export class AuditEventEntity {
  [PrimaryKeyProp]?: ['tenantId', 'id'];

  @PrimaryKey({ type: 'uuid' }) tenantId!: string;
  @PrimaryKey({ type: 'uuid' }) id: string = uuidv7();
  @Property({ type: 'datetime' }) occurredAt: Date = new Date();
  @Property({ type: 'text', nullable: true }) actorSubject: string | null = null;
  @Property({ type: 'text' }) action!: string;
  @Property({ type: 'text', nullable: true }) targetType: string | null = null;
  @Property({ type: 'uuid', nullable: true }) targetId: string | null = null;
  @Property({ type: 'boolean' }) success!: boolean;
  @Property({ type: 'text', nullable: true }) sourceIp: string | null = null;
  @Property({ type: 'text', nullable: true }) requestId: string | null = null;
  @Property({ type: 'json', nullable: true }) before: unknown = null;
  @Property({ type: 'json', nullable: true }) after: unknown = null;
}
