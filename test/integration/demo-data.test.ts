import { startHarness } from '../utils/harness';
import { loadDemoData } from '../../src/dev/demo-data';
import { withTenant } from '../../src/core/tenancy/tenant-tx';

/**
 * The demo `npm start` loads goes through the same rules as everyone (rosters, opening hours,
 * outcomes after the session): a rule that refuses the demo's own story breaks `npm start`.
 */
it('loads the demo towns through the services, once', async () => {
  const h = await startHarness();
  try {
    const started = Date.now();
    expect(await loadDemoData(h.rt.services, { ownerUrl: process.env['ONEDOOR_TEST_OWNER_URL'] })).toBe(true);
    console.log(`demo data loaded in ${Date.now() - started} ms`);
    expect(await loadDemoData(h.rt.services)).toBe(false);

    // Issue 17, demo data: a town's own department names, 司法所 resident and the court rotating with a roster.
    const [zhili] = await h.rt.services.tenants.byCodesForSeed(['zhili']);
    const desks = await withTenant(h.rt.orm, zhili!.id, (em) =>
      em.execute<{ code: string; name: string; mode: string; shifts: number }[]>(
        `select d.code, d.name, r.mode,
           (select count(*)::int from rotation_shifts s where s.tenant_id = r.tenant_id and s.residency_id = r.id) as shifts
         from residencies r join departments d on d.tenant_id = r.tenant_id and d.id = r.department_id
         where d.code in ('justice', 'court', 'human-resources') order by d.code`,
      ),
    );
    expect(desks).toEqual([
      { code: 'court', name: '吴兴区人民法院织里法庭', mode: 'ROTATING', shifts: expect.any(Number) },
      { code: 'human-resources', name: '织里镇劳动保障所', mode: 'RESIDENT', shifts: 0 },
      { code: 'justice', name: '织里司法所', mode: 'RESIDENT', shifts: 0 },
    ]);
    expect(desks[0]!.shifts).toBeGreaterThan(0);
  } finally {
    await h.close();
  }
}, 120_000);
