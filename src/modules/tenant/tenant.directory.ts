import type { TenantRecord } from './tenant.model';
import type { TenantRepository } from './tenant.repository';

const TTL_MS = 10_000;
/** Residents name their tenant without a token (X-Tenant-Id): misses must not grow the cache without bound. */
const MAX_ENTRIES = 10_000;

/**
 * Resolves token tenant codes to tenants on every request, so it is cached briefly.
 * A suspension made through this process is seen at once (invalidate); one made by another
 * API replica within TTL_MS.
 */
export class TenantDirectory {
  private readonly byCode = new Map<string, { at: number; tenant: TenantRecord | null }>();

  constructor(private readonly repo: TenantRepository) {}

  async byCodes(codes: string[]): Promise<TenantRecord[]> {
    const now = Date.now();
    const missing = codes.filter((c) => {
      const hit = this.byCode.get(c);
      return !hit || now - hit.at > TTL_MS;
    });
    if (missing.length) {
      const found = await this.repo.lookup(missing, []);
      if (this.byCode.size + missing.length > MAX_ENTRIES)
        for (const [c, hit] of this.byCode) if (now - hit.at > TTL_MS || !hit.tenant) this.byCode.delete(c);
      for (const c of missing) {
        const tenant = found.find((t) => t.code === c) ?? null;
        if (tenant || this.byCode.size < MAX_ENTRIES) this.byCode.set(c, { at: now, tenant });
      }
    }
    return codes.map((c) => this.byCode.get(c)?.tenant).filter((t): t is TenantRecord => !!t);
  }

  byIds(ids: string[]): Promise<TenantRecord[]> {
    return this.repo.lookup([], ids);
  }

  invalidate(code: string): void {
    this.byCode.delete(code);
  }
}
