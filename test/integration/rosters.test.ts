import { startHarness, type Harness } from '../utils/harness';
import { CREATE_ORG_UNIT } from '../utils/ops';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const STATION =
  'mutation($i: StationDepartmentInput!) { stationDepartment(input: $i) { residency { id mode } userErrors { code message } } }';
const SET_SHIFTS =
  'mutation($i: SetRotationShiftsInput!) { setRotationShifts(input: $i) { shifts { id startsAt endsAt staff { name } } userErrors { field code message } } }';
const CREATE_STAFF =
  'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } userErrors { field code message } } }';
const ON_DUTY = `query($u: ID!, $at: DateTimeISO) { onDuty(orgUnitId: $u, at: $at) {
  present { residency { mode department { code } } staff { name } shift { startsAt } }
  callable { residency { department { code } } } } }`;
const MEDIATORS =
  'query($f: MediatorFilter) { mediators(first: 20, filter: $f) { totalCount edges { node { name mediatorProfile { goldMedal specialties { code } } } } } }';

type OnDuty = {
  onDuty: {
    present: { residency: { mode: string; department: { code: string } }; staff: { name: string }[] }[];
    callable: { residency: { department: { code: string } } }[];
  };
};

/** Beijing wall-clock time as an ISO instant. */
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('residencies, rosters and who is on duty', () => {
  let h: Harness;
  let t: TenantRecord;
  let admin: string;
  let unit: string;
  const dept: Record<string, string> = {};
  const cat: Record<string, string> = {};
  const staff: Record<string, string> = {};
  const residency: Record<string, string> = {};

  const gql = async <T>(q: string, v: Record<string, unknown>) => {
    const r = await h.gql<T>(admin, q, v);
    if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
    return r.body.data!;
  };
  const present = async (at: string) =>
    (await gql<OnDuty>(ON_DUTY, { u: unit, at })).onDuty.present
      .map((p) => `${p.residency.department.code}:${p.staff.map((s) => s.name).join('+')}`)
      .sort();

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('roster');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '17:30' }));
    unit = (
      await gql<{ createOrgUnit: { orgUnit: { id: string } } }>(CREATE_ORG_UNIT, {
        input: { kind: 'CENTER', name: '中心', openingHours: weekdays },
      })
    ).createOrgUnit.orgUnit.id;
    const depts = await gql<{ departments: { edges: { node: { id: string; code: string } }[] } }>(
      '{ departments(first: 100) { edges { node { id code } } } }',
      {},
    );
    for (const e of depts.departments.edges) dept[e.node.code] = e.node.id;
    const cats = await gql<{ categories: { edges: { node: { id: string; code: string } }[] } }>(
      '{ categories(first: 100) { edges { node { id code } } } }',
      {},
    );
    for (const e of cats.categories.edges) cat[e.node.code] = e.node.id;

    const person = async (
      name: string,
      department: string,
      mediator?: { specialties: string[]; max: number; gold?: boolean },
    ) => {
      const r = await gql<{ createStaffMember: { staffMember: { id: string }; userErrors: unknown[] } }>(CREATE_STAFF, {
        i: {
          name,
          departmentId: dept[department],
          orgUnitId: unit,
          roles: ['mediator'],
          mediatorProfile: mediator && {
            specialtyIds: mediator.specialties.map((c) => cat[c]),
            maxConcurrentCases: mediator.max,
            goldMedal: !!mediator.gold,
            languages: ['普通话', '湖州话'],
          },
        },
      });
      expect(r.createStaffMember.userErrors).toEqual([]);
      staff[name] = r.createStaffMember.staffMember.id;
    };
    await person('王建', 'housing', { specialties: ['labor'], max: 3, gold: true });
    await person('李梅', 'health', { specialties: ['lease-rent'], max: 2 });
    await person('孙力', 'housing', { specialties: ['labor-wages'], max: 0 });
    await person('赵法官', 'court');

    for (const [code, mode] of [
      ['housing', 'ROTATING'],
      ['health', 'JOINT'],
      ['court', 'RESIDENT'],
      ['lawyers', 'ON_DEMAND'],
    ] as const) {
      const r = await gql<{ stationDepartment: { residency: { id: string } } }>(STATION, {
        i: { departmentId: dept[code], orgUnitId: unit, mode, validFrom: bj('2026-11-01T00:00:00') },
      });
      residency[code] = r.stationDepartment.residency.id;
    }
    // Housing rotates in on Tuesdays and Thursdays, 09:00–17:00 Beijing time, with 王建.
    const r = await gql<{ setRotationShifts: { shifts: { startsAt: string }[]; userErrors: unknown[] } }>(SET_SHIFTS, {
      i: {
        residencyId: residency['housing'],
        from: bj('2026-11-23T00:00:00'),
        to: bj('2026-12-07T00:00:00'),
        weekly: [2, 4].map((weekday) => ({ weekday, start: '09:00', end: '17:00', staffIds: [staff['王建']] })),
      },
    });
    expect(r.setRotationShifts.userErrors).toEqual([]);
    expect(r.setRotationShifts.shifts.map((s) => s.startsAt)).toEqual(
      ['2026-11-24', '2026-11-26', '2026-12-01', '2026-12-03'].map((d) => bj(`${d}T09:00:00`)),
    );
  });
  afterAll(() => h.close());

  describe('one person, one shift at a time', () => {
    const healthShift = (startsAt: string, endsAt: string) =>
      gql<{ setRotationShifts: { userErrors: { field: string[]; code: string; message: string }[] } }>(SET_SHIFTS, {
        i: {
          residencyId: residency['health'],
          from: bj('2026-11-23T00:00:00'),
          to: bj('2026-11-30T00:00:00'),
          shifts: [{ startsAt, endsAt, staffIds: [staff['王建']] }],
        },
      });

    it('refuses an overlapping shift, naming the clashing one', async () => {
      const r = await healthShift(bj('2026-11-24T16:00:00'), bj('2026-11-24T18:00:00'));
      expect(r.setRotationShifts.userErrors).toHaveLength(1);
      const e = r.setRotationShifts.userErrors[0]!;
      expect(e).toMatchObject({ field: ['input', 'shifts', '0', 'staffIds'], code: 'SHIFT_OVERLAP' });
      expect(e.message).toContain('王建');
      // The tenant's local time in the reader's format (issue 14); it read 2026-11-24 09:00–17:00 (Asia/Shanghai).
      expect(e.message).toContain('2026年11月24日 09:00至2026年11月24日 17:00');
    });

    it('allows shifts that touch at the boundaries (start inclusive, end exclusive)', async () => {
      expect(
        (await healthShift(bj('2026-11-24T17:00:00'), bj('2026-11-24T19:00:00'))).setRotationShifts.userErrors,
      ).toEqual([]);
      expect(
        (await healthShift(bj('2026-11-24T07:00:00'), bj('2026-11-24T09:00:00'))).setRotationShifts.userErrors,
      ).toEqual([]);
    });

    it('compares instants, not dates, across the UTC / Beijing date line', async () => {
      // 23:30 UTC on the 23rd is 07:30 on the 24th in Beijing: it runs into the 09:00 shift.
      const r = await healthShift('2026-11-23T23:30:00.000Z', '2026-11-24T01:30:00.000Z');
      expect(r.setRotationShifts.userErrors.map((e) => e.code)).toEqual(['SHIFT_OVERLAP']);
      const ok = await healthShift('2026-11-23T23:30:00.000Z', '2026-11-24T01:00:00.000Z');
      expect(ok.setRotationShifts.userErrors).toEqual([]);
    });

    it('refuses a roster for a resident department', async () => {
      const r = await gql<{ setRotationShifts: { userErrors: { code: string }[] } }>(SET_SHIFTS, {
        i: {
          residencyId: residency['court'],
          from: bj('2026-11-23T00:00:00'),
          to: bj('2026-11-24T00:00:00'),
          shifts: [],
        },
      });
      expect(r.setRotationShifts.userErrors.map((e) => e.code)).toEqual(['NOT_ROSTERED']);
    });
  });

  describe('onDuty', () => {
    it('has a rotating department from its shift start, inside, but not at its end or on a day off', async () => {
      expect(await present(bj('2026-11-24T09:00:00'))).toContain('housing:王建');
      expect(await present(bj('2026-11-24T12:00:00'))).toContain('housing:王建');
      expect(await present(bj('2026-11-24T17:00:00'))).not.toContain('housing:王建');
      expect((await present(bj('2026-11-25T12:00:00'))).filter((p) => p.startsWith('housing'))).toEqual([]);
    });

    it('has a resident department only while the unit is open', async () => {
      expect(await present(bj('2026-11-24T12:00:00'))).toContain('court:赵法官');
      expect(await present(bj('2026-11-24T20:00:00'))).not.toContain('court:赵法官');
      expect(await present(bj('2026-11-28T10:00:00'))).not.toContain('court:赵法官');
    });

    it('lists on-demand departments as callable, not present', async () => {
      const d = (await gql<OnDuty>(ON_DUTY, { u: unit, at: bj('2026-11-24T12:00:00') })).onDuty;
      expect(d.callable.map((c) => c.residency.department.code)).toEqual(['lawyers']);
      expect(d.present.map((p) => p.residency.department.code)).not.toContain('lawyers');
    });

    it('drops an ended residency but keeps it as history', async () => {
      const r = await gql<{ endResidency: { residency: { id: string } | null; userErrors: unknown[] } }>(
        'mutation($i: EndResidencyInput!) { endResidency(input: $i) { residency { id } userErrors { code } } }',
        { i: { id: residency['court'], endsAt: bj('2026-11-26T00:00:00') } },
      );
      expect(r.endResidency.userErrors).toEqual([]);
      expect(await present(bj('2026-11-25T12:00:00'))).toContain('court:赵法官');
      expect(await present(bj('2026-11-26T12:00:00'))).not.toContain('court:赵法官');
      const history = await gql<{ residencies: { edges: { node: { id: string; validTo: string } }[] } }>(
        'query($u: ID) { residencies(first: 20, filter: { orgUnitId: $u, includeEnded: true }) { edges { node { id validTo } } } }',
        { u: unit },
      );
      expect(history.residencies.edges.find((e) => e.node.id === residency['court'])?.node.validTo).toBe(
        bj('2026-11-26T00:00:00'),
      );
    });
  });

  describe('choosing a mediator', () => {
    const names = async (f: Record<string, unknown>) =>
      (await gql<{ mediators: { edges: { node: { name: string } }[] } }>(MEDIATORS, { f })).mediators.edges.map(
        (e) => e.node.name,
      );

    it('finds mediators whose specialty covers the category, on duty then, with room for a case', async () => {
      // 王建 takes all labor disputes and is on shift; 孙力 specialises in wages but is at his limit.
      expect(
        await names({ categoryId: cat['labor-wages'], orgUnitId: unit, availableAt: bj('2026-11-24T12:00:00') }),
      ).toEqual(['王建']);
      expect(
        await names({ categoryId: cat['labor-wages'], orgUnitId: unit, availableAt: bj('2026-11-25T12:00:00') }),
      ).toEqual([]);
      expect(await names({ categoryId: cat['lease-rent'] })).toEqual(['李梅']);
      expect(await names({ categoryId: cat['medical'] })).toEqual([]);
    });
  });
});
