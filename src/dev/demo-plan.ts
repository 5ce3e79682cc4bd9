import type { Channel } from '../modules/case/case.entity';
import { addDays, fromWallClock, localDateOf, type LocalDate } from '../core/calendar/local-date';
import { isoWeekday } from '../core/calendar/zoned-time';
import { FIRMS, HOURS, KINDS, PLACES, SURNAMES } from './demo-kinds';

/**
 * The plan of Zhili's year (issue 17, "Demo data"): which disputes came in when, and how each one
 * ended. Pure and seeded: the same anchor gives the same town, so a history interrupted half-way
 * (npm start stopped during the background part) resumes where it stopped, and a test can check
 * the plan for any hour of any day without a database.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** How a dispute's story ends. The older ones are settled; the recent ones are still open. */
export type Ending =
  // settled (older than the recent weeks)
  | 'ON_SITE'
  | 'MEDIATED'
  | 'INSTALMENTS'
  | 'REJECTED'
  | 'UNRESOLVED_CLOSED'
  | 'UNRESOLVED'
  | 'REFERRED'
  | 'COUNTY_SETTLED'
  | 'COUNTY_RETURNED'
  | 'RECURRED'
  | 'BROKEN'
  | 'MERGED'
  // still open (the recent weeks)
  | 'REPORTED'
  | 'ACCEPTED'
  | 'DISPATCHED'
  | 'IN_PROGRESS'
  | 'MEDIATING'
  | 'FOLLOW_UP'
  | 'ESCALATED'
  | 'INSTALMENT_DUE';

/** The moments of one story, in order; the ones an ending does not use are absent. */
export interface StoryTimes {
  reported: Date;
  /** a second report of the same dispute (MERGED) */
  duplicate?: Date;
  accepted?: Date;
  /** the first session (failed where a later one agreed) */
  firstSession?: Date;
  /** escalation to the county, its decision there, and the town taking it back */
  escalated?: Date;
  countyDecided?: Date;
  takenBack?: Date;
  settled?: Date;
  visit?: Date;
  /** what comes after a visit that found the dispute back or the agreement broken */
  again?: Date;
  againSettled?: Date;
  againVisit?: Date;
  closed?: Date;
  referralOutcome?: Date;
}

export interface PlannedInstalment {
  /** days after the agreement is signed */
  dueInDays: number;
  amount: string;
  /** days after the due date it was paid in full (negative: early); null: not yet */
  paidAfterDays: number | null;
}

export interface Story {
  /** stable across runs with the same anchor: the idempotency key of its first report */
  key: string;
  ending: Ending;
  recent: boolean;
  category: string;
  title: string;
  channel: Channel;
  applicant: string;
  respondent: string | null;
  people: number;
  amount: string | null;
  /** which of the town's mediators handles it */
  handler: 'patrol' | 'justice';
  t: StoryTimes;
  instalments: PlannedInstalment[];
  /** a booking still ahead (MEDIATING): which of the coming slots it takes, 0, 1, 2… */
  slot?: number;
  /** every case the story opens, in the order it opens them (the county's in its own tenant) */
  cases: { role: 'main' | 'duplicate' | 'county' | 'again'; tenant: 'zhili' | 'wuxing'; at: Date }[];
}

/** A fixed seed: the same town every `npm start`. */
export function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

/**
 * Weighted to the reports' own figures for Zhili: two in three settled on site (67.36%), 95.2%
 * resolved, 3.12% coming back.
 */
const SETTLED_ENDINGS: [Ending, number][] = [
  ['ON_SITE', 62],
  ['MEDIATED', 14],
  ['INSTALMENTS', 7],
  ['REJECTED', 3],
  ['UNRESOLVED_CLOSED', 2],
  ['UNRESOLVED', 1],
  ['REFERRED', 3],
  ['COUNTY_SETTLED', 4],
  ['COUNTY_RETURNED', 2],
  ['RECURRED', 2],
  ['BROKEN', 1],
  ['MERGED', 3],
];
/** The last few days: still coming through the door. */
const YOUNG_ENDINGS: [Ending, number][] = [
  ['ACCEPTED', 1],
  ['DISPATCHED', 2],
  ['IN_PROGRESS', 3],
  ['ON_SITE', 2],
  ['FOLLOW_UP', 1],
];
/** Two weeks and more ago: mostly settled and waiting for the visit; few still in handling. */
const OLDER_OPEN_ENDINGS: [Ending, number][] = [
  ['IN_PROGRESS', 1],
  ['FOLLOW_UP', 5],
  ['ON_SITE', 5],
  ['MEDIATED', 3],
  ['REFERRED', 1],
];
/** The recent weeks before them: in handling, at sessions, waiting for visits, with the county. */
const OPEN_ENDINGS: [Ending, number][] = [
  ['IN_PROGRESS', 5],
  ['MEDIATING', 3],
  ['FOLLOW_UP', 6],
  ['ON_SITE', 4],
  ['MEDIATED', 2],
  ['UNRESOLVED', 1],
  ['REFERRED', 1],
  ['ESCALATED', 2],
  ['INSTALMENT_DUE', 1],
];
const RARE: Ending[] = [
  'RECURRED',
  'BROKEN',
  'COUNTY_SETTLED',
  'COUNTY_RETURNED',
  'MERGED',
  'REFERRED',
  'INSTALMENTS',
  'UNRESOLVED_CLOSED',
  'REJECTED',
];
/** Every open ending appears in the recent weeks at least once, whatever the dice say. */
const MUST_BE_OPEN: Ending[] = ['INSTALMENT_DUE', 'MEDIATING', 'ESCALATED', 'UNRESOLVED'];
const MUST_BE_YOUNG: Ending[] = ['ACCEPTED', 'DISPATCHED'];
/** Days before the anchor in which a report may still wait for acceptance or dispatch. */
const YOUNG_DAYS = 2;

/** Days before the anchor counted as "recent": loaded before the API answers, still partly open. */
export const RECENT_DAYS = 18;

function weighted<T>(rnd: () => number, xs: readonly [T, number][]): T {
  const total = xs.reduce((n, [, w]) => n + w, 0);
  let r = rnd() * total;
  for (const [x, w] of xs) if ((r -= w) < 0) return x;
  return xs[xs.length - 1]![0];
}

export interface PlanInput {
  anchor: Date;
  tz: string;
  /** a working day of the center (weekday, not a holiday, or a make-up day) */
  working: (d: LocalDate) => boolean;
  /** stories to plan over the past year */
  count: number;
}

/**
 * The stories, oldest first. Reports come in on working days at the window's hours; the 24-hour
 * patrol team and grid workers also report on weekends. A story's every moment lies before the
 * anchor, except what is still ahead of an open case (an instalment not yet due).
 */
export function planHistory({ anchor, tz, working, count }: PlanInput): Story[] {
  const rnd = random(17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const between = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const today = localDateOf(anchor, tz);
  const at = (d: LocalDate, hour: number, minute: number) => fromWallClock(d, (hour * 60 + minute) * MIN, tz);
  /** The n-th working day after d (n ≥ 1), at a working hour. */
  const workingAfter = (from: Date, n: number, hourFrom = 10, hourTo = 16): Date => {
    let d = localDateOf(from, tz);
    for (let k = 0; k < n;) {
      d = addDays(d, 1);
      if (working(d)) k++;
    }
    return at(d, between(hourFrom, hourTo), between(0, 59));
  };
  const later = (from: Date, minMinutes: number, maxMinutes: number) =>
    new Date(from.getTime() + between(minMinutes, maxMinutes) * MIN);

  // Report days: every day of the past year, weighted by who works that day.
  const days: [LocalDate, number][] = [];
  for (let back = 365; back >= 1; back--) {
    const d = addDays(today, -back);
    const wd = isoWeekday(d);
    days.push([d, working(d) ? (wd === 1 ? 1.3 : 1) : 0.25]);
  }
  const picked: LocalDate[] = [];
  for (let i = 0; i < count; i++) picked.push(weighted(rnd, days));
  // The last two days always brought something in (their reports still wait for the next step).
  picked.push(addDays(today, -1), addDays(today, -2));
  picked.sort();
  const openQueue = [...MUST_BE_OPEN];
  // The rarer endings twice each, early in the year (every twelfth settled story), whatever the dice say.
  const rareQueue: Ending[] = RARE.flatMap((e) => [e, e]);
  let settledSeen = 0;
  let latePlanned = false;
  const youngQueue = [...MUST_BE_YOUNG];
  let slots = 0;

  const stories: Story[] = [];
  picked.forEach((day, i) => {
    const month = Number(day.slice(5, 7));
    const kind = weighted(
      rnd,
      KINDS.map((k) => [k, k.weight * (k.peak[month] ?? 1)] as [(typeof KINDS)[number], number]),
    );
    const recent = day >= addDays(today, -RECENT_DAYS);
    const weekend = !working(day);
    const channel: Channel = weekend
      ? pick(['PATROL', 'PATROL', 'POLICE_110', 'GRID_WORKER'] as const)
      : pick([
          'WALK_IN',
          'WALK_IN',
          'WALK_IN',
          'HOTLINE',
          'HOTLINE_12345',
          'GRID_WORKER',
          'PATROL',
          'MINI_PROGRAM',
          'QR_CODE',
          'POLICE_110',
        ]);
    const young = day >= addDays(today, -YOUNG_DAYS);
    let ending: Ending = young
      ? (youngQueue.shift() ?? weighted(rnd, YOUNG_ENDINGS))
      : recent
        ? (openQueue.shift() ?? weighted(rnd, day < addDays(today, -10) ? OLDER_OPEN_ENDINGS : OPEN_ENDINGS))
        : settledSeen++ % 12 === 5 && rareQueue.length
          ? rareQueue.shift()!
          : weighted(rnd, SETTLED_ENDINGS);
    const reported = at(day, weighted(rnd, HOURS), between(0, 59));
    const labour = kind.code.startsWith('labor');
    const group = kind.code === 'labor-wages' && rnd() < 0.25;
    const people = group ? between(6, 35) : 1;
    const money =
      labour || kind.code.startsWith('contract') || kind.code === 'finance' || kind.code === 'lease-shop-renewal';
    const amount = money ? `${between(4, group ? 400 : 120) * 500}.00` : null;
    // Escalations and instalments are for sizeable disputes; a small one is mediated instead.
    if ((ending === 'INSTALMENTS' || ending === 'INSTALMENT_DUE') && !amount) {
      if (ending === 'INSTALMENT_DUE') openQueue.unshift(ending);
      ending = recent ? 'IN_PROGRESS' : 'MEDIATED';
    }
    const surname = pick([...SURNAMES]);
    const respondent = labour || kind.code.startsWith('contract') ? pick(FIRMS) : `${pick([...SURNAMES])}某`;
    const t: StoryTimes = { reported };
    const onSite = ending === 'ON_SITE' || ending === 'MERGED';
    t.accepted = later(reported, 10, onSite ? 40 : 110);
    const s: Story = {
      key: `demo-history-${String(i + 1).padStart(4, '0')}`,
      ending,
      recent,
      category: kind.code,
      title: `${pick(PLACES)}${pick(kind.titles)}${group ? `（${people}名工人）` : ''}`,
      channel,
      applicant: `${surname}某`,
      respondent,
      people,
      amount,
      handler: channel === 'PATROL' || channel === 'GRID_WORKER' || weekend ? 'patrol' : pick(['patrol', 'justice']),
      t,
      instalments: [],
      cases: [{ role: 'main', tenant: 'zhili', at: reported }],
    };
    // The settling day: on site within hours, otherwise some working days later at a working hour.
    const settleAfter = recent ? between(1, 3) : between(1, 9);
    const settle = () => (onSite ? later(t.accepted!, 40, 240) : workingAfter(t.accepted!, settleAfter, 10, 15));
    const visitAfter = (from: Date) => workingAfter(from, between(5, 7), 9, 16);
    switch (ending) {
      case 'REPORTED':
      case 'ACCEPTED':
      case 'DISPATCHED':
      case 'IN_PROGRESS':
        break;
      case 'MEDIATING':
        s.slot = slots++;
        break;
      case 'UNRESOLVED':
      case 'REFERRED':
      case 'ESCALATED':
        t.firstSession = workingAfter(t.accepted, between(1, 3), 10, 15);
        if (ending === 'ESCALATED') {
          t.escalated = later(t.firstSession, 90, 180);
          s.cases.push({ role: 'county', tenant: 'wuxing', at: t.escalated });
        }
        if (ending === 'REFERRED' && !recent) t.referralOutcome = workingAfter(t.firstSession, between(20, 40));
        break;
      case 'ON_SITE':
      case 'MEDIATED':
      case 'FOLLOW_UP':
        t.settled = settle();
        if (ending !== 'FOLLOW_UP') t.visit = visitAfter(t.settled);
        break;
      case 'MERGED':
        // The same dispute again through 12345 later that day, still within the window's hours.
        t.duplicate = new Date(
          Math.max(reported.getTime() + MIN, Math.min(later(reported, 20, 90).getTime(), at(day, 16, 59).getTime())),
        );
        s.cases.push({ role: 'duplicate', tenant: 'zhili', at: t.duplicate });
        t.accepted = later(t.duplicate, 10, 40);
        t.settled = later(t.accepted, 40, 240);
        t.visit = visitAfter(t.settled);
        break;
      case 'INSTALMENTS':
      case 'INSTALMENT_DUE': {
        t.settled = workingAfter(t.accepted, recent ? 1 : settleAfter, 10, 15);
        const parts = recent ? 2 : between(2, 3);
        const total = Number(amount!.slice(0, -3));
        const each = Math.floor(total / parts / 100) * 100;
        // The first settled plan pays its second instalment late, so the year has one whatever the dice say.
        const forceLate = !recent && !latePlanned;
        if (!recent) latePlanned = true;
        // The recent one's first instalment fell due a few days before the demo starts, unpaid.
        const age = Math.floor((anchor.getTime() - t.settled.getTime()) / DAY);
        const first = recent && age >= 6 ? age - 3 : 12;
        for (let k = 0; k < parts; k++) {
          const last = k === parts - 1;
          s.instalments.push({
            dueInDays: recent ? first + 30 * k : 30 * (k + 1),
            amount: `${last ? total - each * (parts - 1) : each}.00`,
            // One in five instalments comes late; the recent case's first one is overdue and unpaid.
            paidAfterDays: recent ? null : rnd() < 0.2 || (k === 1 && forceLate) ? between(4, 15) : -between(1, 3),
          });
        }
        if (!recent) t.visit = visitAfter(t.settled);
        break;
      }
      case 'REJECTED':
        break;
      case 'UNRESOLVED_CLOSED':
        t.firstSession = workingAfter(t.accepted, between(1, 4), 10, 15);
        t.settled = later(t.firstSession, 70, 120);
        t.closed = workingAfter(t.settled, between(10, 25));
        break;
      case 'COUNTY_SETTLED':
      case 'COUNTY_RETURNED':
        t.firstSession = workingAfter(t.accepted, between(1, 3), 10, 15);
        t.escalated = later(t.firstSession, 90, 180);
        s.cases.push({ role: 'county', tenant: 'wuxing', at: t.escalated });
        t.countyDecided = workingAfter(t.escalated, between(3, 8), 10, 15);
        if (ending === 'COUNTY_RETURNED') {
          t.takenBack = later(t.countyDecided, 60, 180);
          t.settled = workingAfter(t.takenBack, between(2, 5), 10, 15);
        }
        t.visit = visitAfter(t.countyDecided);
        if (t.settled && t.visit <= t.settled) t.visit = visitAfter(t.settled);
        break;
      case 'RECURRED':
      case 'BROKEN':
        t.settled = settle();
        t.visit = visitAfter(t.settled);
        if (ending === 'RECURRED') s.cases.push({ role: 'again', tenant: 'zhili', at: t.visit });
        t.againSettled = workingAfter(t.visit, between(2, 6), 10, 15);
        t.againVisit = visitAfter(t.againSettled);
        break;
    }
    trim(s, anchor.getTime() - 5 * MIN);
    stories.push(s);
  });
  return stories;
}

/**
 * Nothing of a story happens after the anchor: the moments still ahead are dropped, and the case
 * stays in the state the moments before leave it (a visit not yet made keeps it in FOLLOW_UP).
 */
function trim(s: Story, limit: number): void {
  // A payment not made by the anchor is still owed.
  for (const i of s.instalments)
    if (s.t.settled && i.paidAfterDays !== null && payDay(s.t.settled, i) >= limit) i.paidAfterDays = null;
  const keys = Object.keys(s.t) as (keyof StoryTimes)[];
  const cut = keys.filter((k) => k !== 'reported' && s.t[k]!.getTime() > limit).map((k) => s.t[k]!.getTime());
  if (!cut.length) return;
  const first = Math.min(...cut);
  for (const k of keys) if (k !== 'reported' && s.t[k]!.getTime() >= first) delete s.t[k];
  s.cases = s.cases.filter((c) => c.at.getTime() < first);
}

/** The last moment a story touches before the anchor (instalments still ahead excluded). */
export function storyEnd(s: Story): Date {
  let end = s.t.reported.getTime();
  for (const v of Object.values(s.t)) if (v && v.getTime() > end) end = v.getTime();
  if (s.t.settled)
    for (const i of s.instalments) if (i.paidAfterDays !== null) end = Math.max(end, payDay(s.t.settled, i));
  return new Date(end);
}

/** When an instalment was paid: its days after the signing, two hours later in the day. */
export function payDay(settled: Date, i: PlannedInstalment): number {
  return settled.getTime() + (i.dueInDays + (i.paidAfterDays ?? 0)) * DAY + 2 * HOUR;
}
