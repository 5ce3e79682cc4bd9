/**
 * `npm run bench`: throughput, latency and SQL statements per request for the list queries,
 * against a fresh database on TEST_PG_ADMIN_URL and Redis on TEST_REDIS_URL (as the tests use).
 * Prints figures; asserts nothing.
 */
import { runBench, withBench } from './setup';

const PORT = Number(process.env['BENCH_PORT'] ?? 4555);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const CASES = Number(process.env['BENCH_CASES'] ?? 5000);

async function main(): Promise<void> {
  await withBench({ name: '', tenantPrefix: 'bench', port: PORT }, async ({ rt, tenant, inTenant, http }) => {
    const url = `${http!.base}/graphql`;
    const { issuer } = http!;
    await inTenant(async (scope) => {
      const center = await rt.services.orgUnits.create(scope, { kind: 'CENTER', name: 'C' });
      if (!center.ok) throw new Error('center');
      for (let i = 0; i < 100; i++) {
        const st = await rt.services.orgUnits.create(scope, {
          kind: 'STATION',
          name: `S${i}`,
          parentId: center.value.id,
        });
        if (st.ok) await rt.services.orgUnits.create(scope, { kind: 'GRID', name: `G${i}`, parentId: st.value.id });
      }
    });
    // Cases with two parties each, a quarter of them accepted and assigned, in transactions of 200.
    const seedStart = performance.now();
    const words = ['拖欠工资', '商铺续租', '噪音扰民', '加工质量', '交通事故', '邻里纠纷', '借贷担保', '医疗纠纷'];
    // Cases left REPORTED, for `acceptCase` to take one each (newest first: the reportCase run adds to it).
    const reported: string[] = [];
    for (let done = 0; done < CASES; done += 200) {
      await inTenant(async (scope) => {
        const cats = await rt.services.categories.list(scope, {}, { first: 100, after: null });
        const staff = await rt.services.staff.create(scope, {
          name: `调解员${done}`,
          mediatorProfile: { specialtyIds: [], maxConcurrentCases: 1000 },
        });
        for (let i = done; i < Math.min(CASES, done + 200); i++) {
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
          if (r.ok && i % 4 === 0 && staff.ok) {
            await rt.services.handling.accept(scope, { caseId: r.value.case.id });
            await rt.services.handling.assign(scope, { caseId: r.value.case.id, staffIds: [staff.value.id] });
          } else if (r.ok) reported.push(r.value.case.id);
        }
      });
    }
    console.log(
      `seeded ${CASES} cases in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (${(CASES / ((performance.now() - seedStart) / 1000)).toFixed(0)} reports/s through the intake service, one transaction per 200)`,
    );
    const token = await issuer.sign({
      subject: 'bench',
      tenants: [tenant.code],
      roles: ['tenant-admin', 'intake-clerk'],
    });
    let statements = 0;
    rt.orm.em
      .getConnection()
      .getKnex()
      .on('query', () => statements++);
    const post = (query: string, variables?: Record<string, unknown>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.text());
    const REPORT_CASE =
      'mutation { reportCase(input: { title: "压测来访", channel: WALK_IN, parties: [{ role: APPLICANT, kind: PERSON, name: "压测", phone: "13900000000" }] }) { case { id number } userErrors { code } } }';
    const ACCEPT_CASE =
      'mutation($i: AcceptCaseInput!) { acceptCase(input: $i) { case { number status } userErrors { code } } }';
    /** A request of the load: a fixed query, or for a mutation that uses up a case, the next one. */
    type Load = () => Promise<string> | null;
    const fixed =
      (query: string): Load =>
      () =>
        post(query);
    const reportCase: Load = () =>
      post(REPORT_CASE).then((text) => {
        const id = (JSON.parse(text) as { data?: { reportCase?: { case?: { id: string } } } }).data?.reportCase?.case
          ?.id;
        if (id) reported.push(id);
        return text;
      });
    const acceptCase: Load = () => {
      const id = reported.pop();
      return id ? post(ACCEPT_CASE, { i: { caseId: id } }) : null;
    };

    const cases: [string, Load][] = [
      ['departments(first: 20)', fixed('{ departments(first: 20) { edges { node { id code name kind } } } }')],
      [
        'orgUnits(first: 100) + parent + children',
        fixed('{ orgUnits(first: 100) { edges { node { id name parent { name } children { name } } } } }'),
      ],
      ['me (no tenant SQL)', fixed('{ me { subject roles } }')],
      [
        'cases(first: 100) + category, parties, assignees',
        fixed(
          '{ cases(first: 100) { edges { node { number status category { name } parties { name phone } assignees { staff { name } } } } } }',
        ),
      ],
      [
        'cases(first: 20, text: "续租")',
        fixed('{ cases(first: 20, filter: { text: "续租" }) { edges { node { number title } } } }'),
      ],
      [
        'cases(first: 20, openOnly) + totalCount',
        fixed('{ cases(first: 20, filter: { openOnly: true }) { totalCount edges { node { number } } } }'),
      ],
      ['reportCase (numbering lock, duplicates check)', reportCase],
      ['acceptCase (a REPORTED case each, SLA clocks)', acceptCase],
    ];
    console.log(`OneDoor bench: ${CONCURRENCY} concurrent clients, ${SECONDS} s per query, node ${process.version}`);
    // BENCH_ONLY=cases runs only the queries whose name contains it (e.g. the tracing overhead runs).
    const only = process.env['BENCH_ONLY'];
    for (const [name, load] of cases.filter(([n]) => !only || n.includes(only))) {
      await load();
      const before = statements;
      await load();
      const perRequest = statements - before;
      const latencies: number[] = [];
      // CPU time of this process (server and load generator) per request: steadier than req/s when
      // other work shares the machine, so the figure to compare runs by (e.g. tracing on and off).
      const cpu0 = process.cpuUsage();
      const started = performance.now();
      const until = Date.now() + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (Date.now() < until) {
            const t0 = performance.now();
            const request = load();
            if (!request) break;
            await request;
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const cpu = process.cpuUsage(cpu0);
      const elapsed = (performance.now() - started) / 1000;
      const cpuMs = (cpu.user + cpu.system) / 1000 / latencies.length;
      latencies.sort((a, b) => a - b);
      const pct = (p: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
      console.log(
        `${name.padEnd(44)} ${(latencies.length / elapsed).toFixed(0).padStart(6)} req/s  p50 ${pct(50)} ms  p95 ${pct(95)} ms  p99 ${pct(99)} ms  SQL/request ${perRequest}  CPU ${cpuMs.toFixed(1)} ms/request`,
      );
    }
  });
}

runBench(main);
