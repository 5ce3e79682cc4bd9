import { Client } from 'pg';
import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, REPORT_CASE, SCHEDULE_MEDIATION, step, STEPS, type UserErrorView } from '../utils/cases';
import { withTenant } from '../../src/core/tenancy/tenant-tx';
import { chineseHolidays } from '../../src/core/calendar/holiday-source';
import { fromWallClock } from '../../src/core/calendar/local-date';
import { isoWeekday } from '../../src/core/calendar/zoned-time';
import { calendarCoverageCheck } from '../../workers/processors/calendar-coverage-check.processor';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

const SET = /* GraphQL */ `mutation($i: SetPlatformHolidayYearInput!) { setPlatformHolidayYear(input: $i) {
  holidayYear { year holidays { date name } makeupWorkdays { date name } enteredBy } userErrors { field code message } } }`;

/**
 * Issue 17, item 9: the library knows holidays up to its last year; after that a platform admin
 * enters each year once, and every tenant's calendar uses it.
 */
describe('the platform holiday schedule', () => {
  let h: Harness;
  let t: TenantRecord;
  let admin: string;
  let platform: string;
  // The first year the library does not know, and its first weekday (元旦 2027 is a Friday).
  const year = chineseHolidays().coverage().lastYear + 1;
  let newYear = `${year}-01-01`;
  for (let d = 1; isoWeekday(newYear) > 5; d++) newYear = `${year}-01-0${d + 1}`;

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('hol');
    admin = await h.token({ tenants: [t.code], roles: ['tenant-admin', 'dispatcher', 'intake-clerk'] });
    platform = await h.token({ tenants: [], roles: ['platform-admin'], subject: 'platform-ops' });
  });
  afterAll(async () => {
    // The table is the platform's, shared by the run's other test files: leave it as found.
    const owner = new Client({ connectionString: process.env['ONEDOOR_TEST_OWNER_URL'] });
    await owner.connect();
    await owner.query('delete from platform_holiday_years where year = $1', [year]);
    await owner.end();
    await h.close();
  });

  it('tells tenant admins, once, when the known calendar ends within 60 days', async () => {
    const adminId = (
      await h.gql<{ createStaffMember: { staffMember: { id: string } } }>(
        admin,
        'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } } }',
        { i: { name: '系统管理员', roles: ['tenant-admin'] } },
      )
    ).body.data!.createStaffMember.staffMember.id;
    const warnings: object[] = [];
    const log = { warn: (o: object) => void warnings.push(o) } as never;
    const check = (at: string) => h.rt.services.holidays.checkCoverage(log, new Date(at));
    expect(await check(`${year - 1}-10-01T02:00:00Z`)).toBe(0);
    expect(await check(`${year - 1}-12-01T02:00:00Z`)).toBeGreaterThanOrEqual(1);
    expect(await check(`${year - 1}-12-02T02:00:00Z`)).toBe(0);
    expect(warnings).toEqual([
      expect.objectContaining({ missingYear: year }),
      expect.objectContaining({ missingYear: year }),
    ]);
    const rows = await withTenant(h.rt.orm, t.id, (em) =>
      em.execute<{ recipient_staff_id: string; type: string }[]>(
        "select recipient_staff_id, type from notifications where type = 'HOLIDAYS_UNKNOWN_SOON'",
      ),
    );
    expect(rows).toEqual([{ recipient_staff_id: adminId, type: 'HOLIDAYS_UNKNOWN_SOON' }]);
    // The daily job is this check (the worker's handler).
    expect(typeof calendarCoverageCheck(h.rt.services, log)).toBe('function');
  });

  it('refuses tenant staff and bad dates, and takes a platform admin’s year for every tenant', async () => {
    const denied = await h.gql(admin, SET, { i: { year, holidays: [{ date: newYear, name: '元旦' }] } });
    expect(denied.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const bad = await mutate<{ userErrors: UserErrorView[] }>(h, platform, SET, {
      year,
      holidays: [{ date: `${year + 1}-01-01`, name: '元旦' }],
    });
    expect(bad.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'holidays', '0', 'date'], 'INVALID']]);

    // Before: a session on the new year's first weekday fits a weekday center — it counts as a working day.
    const center = await buildCenter(h, admin);
    await h.gql(admin, 'mutation($i: UpdateOrgUnitInput!) { updateOrgUnit(input: $i) { userErrors { code } } }', {
      i: {
        id: center.centerId,
        openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '17:30' })),
      },
    });
    const staffId = (
      await h.gql<{ createStaffMember: { staffMember: { id: string } } }>(
        admin,
        'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { staffMember { id } } }',
        {
          i: {
            name: '调解员',
            orgUnitId: center.centerId,
            mediatorProfile: { specialtyIds: [], maxConcurrentCases: 10 },
          },
        },
      )
    ).body.data!.createStaffMember.staffMember.id;
    const c = (await mutate(h, admin, REPORT_CASE, { title: '节后调解', channel: 'WALK_IN' })).case!;
    await step(h, admin, STEPS.accept, { caseId: c.id });
    await step(h, admin, STEPS.dispatch, { caseId: c.id, orgUnitId: center.centerId });
    const book = (hour: number) => {
      const at = fromWallClock(newYear, hour * 3_600_000, t.timeZone);
      return mutate<{ userErrors: UserErrorView[] }>(h, admin, SCHEDULE_MEDIATION, {
        caseId: c.id,
        startsAt: at.toISOString(),
        endsAt: new Date(at.getTime() + 3_600_000).toISOString(),
        orgUnitId: center.centerId,
        method: 'FACE_TO_FACE',
        chosenBy: 'CLERK',
        mediatorIds: [staffId],
      });
    };
    expect((await book(9)).userErrors).toEqual([]);
    const calendar = () =>
      h.gql<{ workingCalendar: { holidaySource: string; holidaysKnownUntil: number } }>(
        admin,
        '{ workingCalendar { holidaySource holidaysKnownUntil } }',
      );
    expect((await calendar()).body.data!.workingCalendar.holidaysKnownUntil).toBe(year - 1);

    const set = await mutate<{ holidayYear: { year: number; enteredBy: string } | null; userErrors: UserErrorView[] }>(
      h,
      platform,
      SET,
      { year, holidays: [{ date: newYear, name: '元旦' }], makeupWorkdays: [] },
    );
    expect(set.userErrors).toEqual([]);
    expect(set.holidayYear).toMatchObject({ year, enteredBy: 'platform-ops' });

    // After: the day is a holiday in every tenant's calendar, before the tenant's own overrides.
    expect((await calendar()).body.data!.workingCalendar).toEqual({
      holidaySource: expect.stringContaining(`platform ${year}`),
      holidaysKnownUntil: year,
    });
    expect((await book(14)).userErrors.map((e) => e.code)).toEqual(['PLACE_CLOSED']);
    const coverage = await h.gql<{ holidayCoverage: { lastYear: number; nextYearDue: boolean } }>(
      platform,
      '{ holidayCoverage { lastYear nextYearDue } platformHolidayYears { year } }',
    );
    expect(coverage.body.data!.holidayCoverage.lastYear).toBe(year);
    // A tenant's own working date still wins over the platform's holiday.
    await h.gql(
      admin,
      'mutation($i: UpdateWorkingCalendarInput!) { updateWorkingCalendar(input: $i) { userErrors { code } } }',
      {
        i: { workingDates: [newYear] },
      },
    );
    expect((await book(15)).userErrors).toEqual([]);
  });
});
