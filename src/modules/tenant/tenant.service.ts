import { userError, type UserErrorData } from '../../shared/user-error';
import { fail, ok, clean, type Result } from '../../shared/result';
import { isUuid, uuidv7 } from '../../shared/ids';
import type { QueueClient } from '../../core/queue/queue-client';
import { jobId } from '../../core/queue/queues';
import { TENANT_LEVELS, type TenantLevel, type TenantRecord } from './tenant.model';
import type { Actor, TenantPatch, TenantRepository } from './tenant.repository';
import type { TenantDirectory } from './tenant.directory';
import { TenantErrorCode as E } from './tenant.errors';

export interface TenantFields {
  name?: string | null;
  level?: TenantLevel | null;
  parentId?: string | null;
  timeZone?: string | null;
  caseNumberPrefix?: string | null;
}

const CODE_RE = /^[a-z][a-z0-9-]{1,39}$/;
const PREFIX_RE = /^[A-Z]{1,6}$/;
const ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

type Errors = UserErrorData<E>[];

/** Platform-admin operations on tenants. Authorization is the resolver's; auditing the database's. */
export class TenantService {
  constructor(
    private readonly repo: TenantRepository,
    private readonly directory: TenantDirectory,
    private readonly queues: QueueClient | null,
  ) {}

  list(afterCode: string | null, limit: number): Promise<TenantRecord[]> {
    return this.repo.list(afterCode, limit);
  }

  /** For seeding and scripts, which run outside any request. */
  byCodesForSeed(codes: string[]): Promise<TenantRecord[]> {
    return this.repo.lookup(codes, []);
  }

  async byIds(ids: readonly string[]): Promise<TenantRecord[]> {
    return this.repo.lookup([], ids.filter(isUuid));
  }

  async create(
    actor: Actor,
    input: TenantFields & { code: string; name: string; level: TenantLevel },
  ): Promise<Result<TenantRecord, E>> {
    const code = input.code.trim().toLowerCase();
    const errors = await this.validate(input, true);
    if (!CODE_RE.test(code)) errors.push(userError(['input', 'code'], E.INVALID, 'tenant.codeFormat'));
    if (errors.length) return fail(...errors);
    if ((await this.repo.lookup([code], [])).length)
      return fail(userError(['input', 'code'], E.CODE_TAKEN, 'tenant.codeTaken', { code }));
    let tenant: TenantRecord;
    try {
      tenant = await this.repo.create(actor, {
        id: uuidv7(),
        code,
        name: clean(input.name)!,
        level: input.level,
        parentId: input.parentId ?? null,
        timeZone: input.timeZone ?? 'Asia/Shanghai',
        caseNumberPrefix: input.caseNumberPrefix ?? defaultPrefix(code),
      });
    } catch (e) {
      if ((e as { code?: string }).code === '23505')
        return fail(userError(['input', 'code'], E.CODE_TAKEN, 'tenant.codeTaken', { code }));
      throw e;
    }
    await this.requestDefaults(tenant.id);
    return ok(tenant);
  }

  async update(actor: Actor, id: string, input: TenantFields): Promise<Result<TenantRecord, E>> {
    if (!isUuid(id)) return fail(userError(['input', 'id'], E.NOT_FOUND, 'notFound.tenant'));
    const errors = await this.validate(input, false);
    if (errors.length) return fail(...errors);
    const patch: TenantPatch = {};
    if (input.name) patch.name = clean(input.name)!;
    if (input.level) patch.level = input.level;
    if (input.parentId !== undefined) patch.parent_id = input.parentId;
    if (input.timeZone) patch.time_zone = input.timeZone;
    if (input.caseNumberPrefix) patch.case_number_prefix = input.caseNumberPrefix;
    return this.patch(actor, id, patch);
  }

  setStatus(actor: Actor, id: string, status: 'ACTIVE' | 'SUSPENDED'): Promise<Result<TenantRecord, E>> {
    if (!isUuid(id)) return Promise.resolve(fail(userError(['input', 'id'], E.NOT_FOUND, 'notFound.tenant')));
    return this.patch(actor, id, { status });
  }

  /** After commit: the worker seeds the starter catalogue; the sweep retries if Redis is down now. */
  async requestDefaults(tenantId: string): Promise<void> {
    await this.queues
      ?.enqueue('tenant.seed-defaults', { tenantId }, { jobId: jobId('tenant.seed-defaults', tenantId) })
      .catch(() => undefined);
  }

  private async patch(actor: Actor, id: string, patch: TenantPatch): Promise<Result<TenantRecord, E>> {
    try {
      const t = await this.repo.update(actor, id, patch);
      if (!t) return fail(userError(['input', 'id'], E.NOT_FOUND, 'notFound.tenant'));
      this.directory.invalidate(t.code);
      return ok(t);
    } catch (e) {
      if ((e as { hint?: string }).hint === 'PARENT_CYCLE') {
        return fail(userError(['input', 'parentId'], E.PARENT_CYCLE, 'tenant.parentCycle'));
      }
      throw e;
    }
  }

  private async validate(input: TenantFields, creating: boolean): Promise<Errors> {
    const errors: Errors = [];
    const name = clean(input.name);
    if ((creating || input.name !== undefined) && (!name || name.length > 200))
      errors.push(userError(['input', 'name'], E.INVALID, 'input.name200'));
    if ((creating || input.level !== undefined) && (!input.level || !TENANT_LEVELS.includes(input.level)))
      errors.push(userError(['input', 'level'], E.INVALID, 'tenant.levelRequired'));
    if (input.timeZone && !ZONES.has(input.timeZone))
      errors.push(userError(['input', 'timeZone'], E.INVALID, 'tenant.timeZone', { zone: input.timeZone }));
    if (input.caseNumberPrefix && !PREFIX_RE.test(input.caseNumberPrefix))
      errors.push(userError(['input', 'caseNumberPrefix'], E.INVALID, 'tenant.prefix'));
    if (input.parentId) {
      const [parent] = isUuid(input.parentId) ? await this.repo.lookup([], [input.parentId]) : [];
      if (!parent) errors.push(userError(['input', 'parentId'], E.PARENT_NOT_FOUND, 'notFound.parentTenant'));
    }
    return errors;
  }
}

function defaultPrefix(code: string): string {
  return (
    code
      .replace(/[^a-z]/g, '')
      .slice(0, 2)
      .toUpperCase() || 'OD'
  );
}
