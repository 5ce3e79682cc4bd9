import { planHistory, storyEnd, RECENT_DAYS } from '../demo-plan';
import { isoWeekday, localParts } from '../../core/calendar/zoned-time';
import type { LocalDate } from '../../core/calendar/local-date';

const TZ = 'Asia/Shanghai';
/** Weekdays, less a Spring Festival week: enough calendar for the plan's rules. */
const working = (d: LocalDate) => isoWeekday(d) <= 5 && !(d >= '2026-02-16' && d <= '2026-02-22');

/**
 * The demo's year is planned from the moment `npm start` runs, which may be any hour of any day:
 * CI starts it at about 01:00 Beijing time on a Saturday. The plan must hold its rules at every
 * such moment, with no database and no real clock.
 */
describe.each([
  ['Saturday 01:00 Beijing (CI)', '2026-11-27T17:00:00Z'],
  ['Monday 09:00 Beijing', '2026-11-30T01:00:00Z'],
  ['New Year night, 23:50 Beijing', '2026-12-31T15:50:00Z'],
  ['the day after the Spring Festival week', '2026-02-23T02:30:00Z'],
])('the planned year when npm start runs on %s', (_name, at) => {
  const anchor = new Date(at);
  const stories = planHistory({ anchor, tz: TZ, working, count: 330 });

  it('puts every moment of every story before the anchor, in order', () => {
    for (const s of stories) {
      expect(storyEnd(s).getTime()).toBeLessThan(anchor.getTime());
      const moments = Object.values(s.t).map((d) => d!.getTime());
      expect(moments.every((m) => m >= s.t.reported.getTime())).toBe(true);
    }
  });

  it('reports at the window hours, on working days except the patrol and grid channels', () => {
    for (const s of stories) {
      const { date, time } = localParts(s.t.reported, TZ);
      const hour = Number(time.slice(0, 2));
      expect([s.key, hour >= 8 && hour <= 16]).toEqual([s.key, true]);
      if (!working(date)) expect(['PATROL', 'POLICE_110', 'GRID_WORKER']).toContain(s.channel);
      // A repeat report or a recurrence opens its case at the window's hours too.
      for (const c of s.cases.filter((x) => x.tenant === 'zhili')) {
        const h = Number(localParts(c.at, TZ).time.slice(0, 2));
        expect([s.key, c.role, h >= 8 && h <= 16]).toEqual([s.key, c.role, true]);
      }
    }
  });

  it('spreads a year, keeps the recent weeks open, and tells every ending', () => {
    const days = (s: (typeof stories)[number]) => (anchor.getTime() - s.t.reported.getTime()) / 86_400_000;
    expect(Math.max(...stories.map(days))).toBeGreaterThan(355);
    expect(stories.filter((s) => s.recent).every((s) => days(s) <= RECENT_DAYS + 1)).toBe(true);
    const endings = new Set(stories.map((s) => s.ending));
    for (const e of ['ON_SITE', 'MEDIATED', 'INSTALMENTS', 'REJECTED', 'UNRESOLVED_CLOSED', 'REFERRED'] as const)
      expect(endings).toContain(e);
    for (const e of ['COUNTY_SETTLED', 'COUNTY_RETURNED', 'RECURRED', 'BROKEN', 'MERGED', 'ESCALATED'] as const)
      expect(endings).toContain(e);
    for (const e of ['ACCEPTED', 'DISPATCHED', 'MEDIATING', 'INSTALMENT_DUE'] as const) expect(endings).toContain(e);
  });

  it('pays instalments on time and late before the anchor, and leaves a recent one owed', () => {
    const paid = stories.filter((s) => !s.recent).flatMap((s) => s.instalments);
    expect(paid.some((i) => i.paidAfterDays !== null && i.paidAfterDays > 0)).toBe(true);
    expect(paid.some((i) => i.paidAfterDays !== null && i.paidAfterDays < 0)).toBe(true);
    const owed = stories.find((s) => s.ending === 'INSTALMENT_DUE')!;
    expect(owed.instalments[0]!.paidAfterDays).toBeNull();
  });

  it('crowds wage arrears into the weeks before the Spring Festival', () => {
    const share = (months: string[]) => {
      const inMonths = stories.filter((s) => months.includes(localParts(s.t.reported, TZ).date.slice(5, 7)));
      return inMonths.filter((s) => s.category === 'labor-wages').length / Math.max(1, inMonths.length);
    };
    expect(share(['12', '01'])).toBeGreaterThan(share(['04', '05', '09', '10']));
  });

  it('plans the same town from the same anchor', () => {
    const again = planHistory({ anchor, tz: TZ, working, count: 330 });
    expect(again.map((s) => [s.key, s.ending, s.t.reported.toISOString()])).toEqual(
      stories.map((s) => [s.key, s.ending, s.t.reported.toISOString()]),
    );
  });
});
