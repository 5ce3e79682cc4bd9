import type { TenantScope } from '../../core/tenancy/scope';
import type { Em } from '../../core/tenancy/tenant-tx';
import { toPage, type Page, type PageRequest } from '../../shared/page';
import { userError, type UserErrorData } from '../../shared/user-error';
import { clean, fail, ok, type Result } from '../../shared/result';
import { idOrNoMatch } from '../../shared/ids';
import { findById, findByIds } from '../../core/db/by-id';
import { snapshot, type AuditService } from '../audit/audit.service';
import { OrgUnitEntity, ORG_UNIT_KINDS, type OpeningPeriod, type OrgUnitKind } from './org-unit.entity';
import { OrgUnitErrorCode as E } from './org-unit.errors';
import { ALLOWED_PARENTS, checkOpeningHours } from './org-unit.rules';
import { enumArg, type MessageValues } from '../../shared/message-ref';
import type { MessageId } from '../../core/i18n/catalog/en';

export interface OrgUnitFields {
  name?: string | null;
  parentId?: string | null;
  address?: string | null;
  phone?: string | null;
  openingHours?: OpeningPeriod[] | null;
}

export interface OrgUnitListFilter {
  parentId?: string | null;
  rootsOnly?: boolean | null;
  kind?: OrgUnitKind | null;
  includeArchived?: boolean | null;
}

/**
 * Says why a unit cannot be archived (e.g. it still has open cases), or null. Other modules
 * register one so this module need not know about them.
 */
export type ArchiveGuard = (
  scope: TenantScope,
  unit: OrgUnitEntity,
) => Promise<{ id: MessageId; values?: MessageValues } | null>;

type Errors = UserErrorData<E>[];

export class OrgUnitService {
  private readonly archiveGuards: ArchiveGuard[] = [];

  constructor(private readonly audit: AuditService) {}

  addArchiveGuard(guard: ArchiveGuard): void {
    this.archiveGuards.push(guard);
  }

  async list(
    scope: TenantScope,
    filter: OrgUnitListFilter,
    { first, after: cursor }: PageRequest,
  ): Promise<Page<OrgUnitEntity>> {
    const where: Record<string, unknown> = { tenantId: scope.tenant.id };
    if (filter.parentId) where['parentId'] = idOrNoMatch(filter.parentId);
    else if (filter.rootsOnly) where['parentId'] = null;
    if (filter.kind) where['kind'] = filter.kind;
    if (!filter.includeArchived) where['archivedAt'] = null;
    const rows = await scope.em.find(OrgUnitEntity, cursor ? { ...where, id: { $gt: cursor[0]! } } : where, {
      orderBy: { id: 'asc' },
      limit: first + 1,
    });
    const page = toPage(rows, first, (u) => [u.id], !!cursor);
    page.totalCount = () => scope.em.count(OrgUnitEntity, where);
    return page;
  }

  find(scope: TenantScope, id: string): Promise<OrgUnitEntity | null> {
    return findById(scope.em, OrgUnitEntity, scope.tenant.id, id);
  }

  findMany(em: Em, tenantId: string, ids: readonly string[]): Promise<OrgUnitEntity[]> {
    return findByIds(em, OrgUnitEntity, tenantId, ids);
  }

  findChildren(em: Em, tenantId: string, parentIds: readonly string[]): Promise<OrgUnitEntity[]> {
    return em.find(
      OrgUnitEntity,
      { tenantId, parentId: { $in: [...parentIds] }, archivedAt: null },
      { orderBy: { name: 'asc' } },
    );
  }

  async create(
    scope: TenantScope,
    input: OrgUnitFields & { kind: OrgUnitKind; name: string },
  ): Promise<Result<OrgUnitEntity, E>> {
    const errors: Errors = this.validateFields(input, true);
    if (!ORG_UNIT_KINDS.includes(input.kind)) errors.push(userError(['input', 'kind'], E.INVALID, 'input.unknownKind'));
    if (errors.length) return fail(...errors);
    // Built but not persisted until every check passed: a refused create leaves nothing to flush.
    const unit = Object.assign(new OrgUnitEntity(), {
      tenantId: scope.tenant.id,
      kind: input.kind,
      name: clean(input.name)!,
    });
    const parentId = input.parentId ?? null;
    const problems = [
      ...(await this.checkPlacement(scope, unit, parentId)),
      ...(await this.checkSiblingName(scope, unit.id, parentId, unit.name)),
    ];
    if (problems.length) return fail(...problems);
    this.apply(unit, input);
    unit.parentId = parentId;
    scope.em.persist(unit);
    this.audit.record(scope, {
      action: 'orgUnit.create',
      targetType: 'OrgUnit',
      targetId: unit.id,
      after: snapshot(unit),
    });
    await scope.em.flush();
    return ok(unit);
  }

  async update(scope: TenantScope, id: string, input: OrgUnitFields): Promise<Result<OrgUnitEntity, E>> {
    const unit = await this.find(scope, id);
    if (!unit) return fail(userError(['input', 'id'], E.NOT_FOUND, 'notFound.orgUnit'));
    if (unit.archivedAt) return fail(userError(['input', 'id'], E.ARCHIVED, 'orgUnit.archived'));
    const errors = this.validateFields(input, false);
    if (errors.length) return fail(...errors);
    const moving = input.parentId !== undefined && input.parentId !== unit.parentId;
    const parentId = moving ? (input.parentId ?? null) : unit.parentId;
    const name = clean(input.name) ?? unit.name;
    const problems = [
      ...(moving ? await this.checkPlacement(scope, unit, parentId) : []),
      ...(await this.checkSiblingName(scope, unit.id, parentId, name)),
    ];
    if (problems.length) return fail(...problems);
    const before = snapshot(unit);
    this.apply(unit, input);
    unit.parentId = parentId;
    this.audit.record(scope, {
      action: moving ? 'orgUnit.move' : 'orgUnit.update',
      targetType: 'OrgUnit',
      targetId: unit.id,
      before,
      after: snapshot(unit),
    });
    await scope.em.flush();
    return ok(unit);
  }

  /** Archiving keeps the row and its history; the unit just stops taking new work. */
  async archive(scope: TenantScope, id: string): Promise<Result<OrgUnitEntity, E>> {
    const unit = await this.find(scope, id);
    if (!unit) return fail(userError(['input', 'id'], E.NOT_FOUND, 'notFound.orgUnit'));
    if (unit.archivedAt) return ok(unit);
    const liveChildren = await scope.em.count(OrgUnitEntity, {
      tenantId: scope.tenant.id,
      parentId: unit.id,
      archivedAt: null,
    });
    if (liveChildren) {
      return fail(userError(['input', 'id'], E.HAS_ACTIVE_CHILDREN, 'orgUnit.hasChildren', { count: liveChildren }));
    }
    for (const guard of this.archiveGuards) {
      const reason = await guard(scope, unit);
      if (reason) return fail(userError(['input', 'id'], E.IN_USE, reason.id, reason.values));
    }
    const before = snapshot(unit);
    unit.archivedAt = new Date();
    this.audit.record(scope, {
      action: 'orgUnit.archive',
      targetType: 'OrgUnit',
      targetId: unit.id,
      before,
      after: snapshot(unit),
    });
    await scope.em.flush();
    return ok(unit);
  }

  private validateFields(input: OrgUnitFields, creating: boolean): Errors {
    const errors: Errors = [];
    const name = clean(input.name);
    if ((creating || input.name !== undefined) && (!name || name.length > 200)) {
      errors.push(userError(['input', 'name'], E.INVALID, 'input.name200'));
    }
    if (input.openingHours) errors.push(...checkOpeningHours(input.openingHours, ['input', 'openingHours']));
    return errors;
  }

  private async checkPlacement(scope: TenantScope, unit: OrgUnitEntity, parentId: string | null): Promise<Errors> {
    const allowed = ALLOWED_PARENTS[unit.kind];
    if (parentId === null) {
      if (!allowed.includes(null))
        return [
          userError(['input', 'parentId'], E.PARENT_KIND_NOT_ALLOWED, 'orgUnit.needsParent', {
            kind: enumArg('OrgUnitKind', unit.kind),
          }),
        ];
      const root = await scope.em.findOne(OrgUnitEntity, {
        tenantId: scope.tenant.id,
        parentId: null,
        archivedAt: null,
        id: { $ne: unit.id },
      });
      return root ? [userError(['input', 'parentId'], E.ROOT_EXISTS, 'orgUnit.rootExists', { name: root.name })] : [];
    }
    const parent = await this.find(scope, parentId);
    if (!parent || parent.archivedAt)
      return [userError(['input', 'parentId'], E.PARENT_NOT_FOUND, 'notFound.activeParentUnit')];
    if (!allowed.includes(parent.kind)) {
      return [
        userError(['input', 'parentId'], E.PARENT_KIND_NOT_ALLOWED, 'orgUnit.parentKind', {
          kind: enumArg('OrgUnitKind', unit.kind),
          parentKind: enumArg('OrgUnitKind', parent.kind),
        }),
      ];
    }
    // Moving a unit under its own descendant would cut the subtree off from the tree.
    for (let at: OrgUnitEntity | null = parent; at; at = at.parentId ? await this.find(scope, at.parentId) : null) {
      if (at.id === unit.id) return [userError(['input', 'parentId'], E.CYCLE, 'orgUnit.cycle')];
    }
    return [];
  }

  private async checkSiblingName(
    scope: TenantScope,
    id: string,
    parentId: string | null,
    name: string,
  ): Promise<Errors> {
    const clash = await scope.em.count(OrgUnitEntity, {
      tenantId: scope.tenant.id,
      parentId,
      name,
      archivedAt: null,
      id: { $ne: id },
    });
    return clash ? [userError(['input', 'name'], E.NAME_TAKEN, 'orgUnit.nameTaken', { name })] : [];
  }

  private apply(unit: OrgUnitEntity, input: OrgUnitFields): void {
    if (input.name) unit.name = clean(input.name)!;
    if (input.address !== undefined) unit.address = clean(input.address) ?? null;
    if (input.phone !== undefined) unit.phone = clean(input.phone) ?? null;
    if (input.openingHours)
      unit.openingHours = input.openingHours.map(({ weekday, opens, closes }) => ({ weekday, opens, closes }));
  }
}
