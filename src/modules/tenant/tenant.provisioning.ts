import type { Orm } from '../../core/db/orm';
import { withTenant, type Em } from '../../core/tenancy/tenant-tx';
import type { DepartmentService } from '../department/department.service';
import type { CategoryService } from '../category/category.service';
import type { TenantRepository } from './tenant.repository';
import type { TenantService } from './tenant.service';

/**
 * Gives a new tenant its starter catalogue. The row `defaults_seeded_at` is the truth; the
 * job is only the trigger, and the sweep re-triggers tenants whose job was lost.
 */
/** Another module's starter rows for a new tenant (e.g. SLA policies); returns how many it added. */
export type Seeder = (em: Em, tenantId: string) => Promise<number>;

export class TenantProvisioning {
  private readonly seeders: Seeder[] = [];

  constructor(
    private readonly orm: Orm,
    private readonly repo: TenantRepository,
    private readonly tenants: TenantService,
    private readonly departments: DepartmentService,
    private readonly categories: CategoryService,
  ) {}

  addSeeder(s: Seeder): void {
    this.seeders.push(s);
  }

  /** Idempotent, and inside the tenant's own isolation context like any tenant work. */
  seedDefaults(tenantId: string): Promise<{ departments: number; categories: number }> {
    return withTenant(this.orm, tenantId, async (em) => {
      const departments = await this.departments.seedDefaults(em, tenantId);
      const categories = await this.categories.seedDefaults(em, tenantId);
      for (const seed of this.seeders) await seed(em, tenantId);
      await em.execute(
        'update tenants set defaults_seeded_at = now(), updated_at = now() where id = ? and defaults_seeded_at is null',
        [tenantId],
      );
      return { departments, categories };
    });
  }

  async sweep(limit = 500): Promise<number> {
    const pending = await this.repo.pendingDefaults(limit);
    for (const id of pending) await this.tenants.requestDefaults(id);
    return pending.length;
  }
}
