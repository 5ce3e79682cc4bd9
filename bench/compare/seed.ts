import type { Bench } from '../setup';

export interface Seeded {
  /** a recent case that was accepted and assigned: several timeline entries */
  detailCaseId: string;
}

/**
 * `cases` cases with two parties each through the intake service (the domain's own write path, so
 * every row is what a report writes: number, risk, warning level, deadlines, timeline), a quarter
 * of them then accepted and assigned to a mediator, in transactions of 200 reports.
 */
export async function seedCases({ rt, inTenant }: Bench, cases: number): Promise<Seeded> {
  const words = ['拖欠工资', '商铺续租', '噪音扰民', '加工质量', '交通事故', '邻里纠纷', '借贷担保', '医疗纠纷'];
  let detailCaseId: string | null = null;
  for (let done = 0; done < cases; done += 200) {
    await inTenant(async (scope) => {
      const cats = await rt.services.categories.list(scope, {}, { first: 100, after: null });
      const staff = await rt.services.staff.create(scope, {
        name: `调解员${done}`,
        mediatorProfile: { specialtyIds: [], maxConcurrentCases: 1000 },
      });
      if (!staff.ok) throw new Error(`staff: ${staff.errors.map((e) => e.code).join(', ')}`);
      for (let i = done; i < Math.min(cases, done + 200); i++) {
        const r = await rt.services.intake.report(
          scope,
          {
            title: `${words[i % words.length]}纠纷 ${i}`,
            description: `第${i}号案件的情况说明`,
            channel: 'WALK_IN',
            categoryId: cats.nodes[i % cats.nodes.length]!.id,
            parties: [
              { role: 'APPLICANT', kind: 'PERSON', name: `申请人${i}`, phone: `138${String(i).padStart(8, '0')}` },
              { role: 'RESPONDENT', kind: 'PERSON', name: `被申请人${i}` },
            ],
          },
          { machine: false },
        );
        if (!r.ok) throw new Error(`report: ${r.errors.map((e) => e.code).join(', ')}`);
        if (i % 4 === 0) {
          const id = r.value.case.id;
          const a = await rt.services.handling.accept(scope, { caseId: id });
          const b = await rt.services.handling.assign(scope, { caseId: id, staffIds: [staff.value.id] });
          if (!a.ok || !b.ok) throw new Error('accept/assign refused');
          detailCaseId = id;
        }
      }
    });
  }
  if (!detailCaseId) throw new Error('BENCH_CASES must be at least 1');
  return { detailCaseId };
}
