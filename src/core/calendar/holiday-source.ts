/**
 * The official arrangement of public holidays and make-up working days (调休上班), published by
 * the General Office of the State Council each autumn for the next year.
 *
 * The data comes from the `chinese-days` package's JSON file rather than its functions: those
 * key their tables with local-time getters, so in a process whose TZ is west of UTC every date
 * is shifted by a day (2026-02-14, a make-up Saturday, comes back as a holiday). The JSON is
 * written at the package's build with plain date keys and is documented as a supported output.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import { isLocalDate, type LocalDate } from './local-date';

export interface OfficialDay {
  kind: 'HOLIDAY' | 'MAKEUP_WORKDAY';
  /** English name of the festival the day belongs to, e.g. "Spring Festival". */
  name: string;
  /** Chinese name, e.g. "春节". */
  nameZh: string;
}

export interface HolidayCoverage {
  /** Where the data comes from, e.g. "chinese-days@1.5.7". */
  source: string;
  firstYear: number;
  lastYear: number;
  /** Every year with a published arrangement; dates in other years are plain weekdays. */
  years: readonly number[];
}

export interface HolidaySource {
  coverage(): HolidayCoverage;
  /** The official status of a date, or undefined for an ordinary day (or one outside coverage). */
  lookup(date: LocalDate): OfficialDay | undefined;
}

export interface HolidayTable {
  source: string;
  /** date → "English name,中文名[,…]" as chinese-days writes it, or a bare name. */
  holidays: Readonly<Record<string, string>>;
  makeupWorkdays: Readonly<Record<string, string>>;
  /** Years the table speaks for; defaults to every year that has an entry. */
  years?: readonly number[];
}

/** A HolidaySource over a fixed table; also how tests and a future second source plug in. */
export function tableHolidaySource(table: HolidayTable): HolidaySource {
  const days = new Map<LocalDate, OfficialDay>();
  const add = (entries: Readonly<Record<string, string>>, kind: OfficialDay['kind']): void => {
    for (const [date, label] of Object.entries(entries)) {
      if (!isLocalDate(date)) throw new Error(`${table.source}: "${date}" is not a YYYY-MM-DD date`);
      if (days.has(date))
        throw new Error(`${table.source}: ${date} is listed both as a holiday and as a make-up working day`);
      const [name = label, nameZh = name] = label.split(',');
      days.set(date, { kind, name, nameZh });
    }
  };
  add(table.holidays, 'HOLIDAY');
  add(table.makeupWorkdays, 'MAKEUP_WORKDAY');
  const years = [...new Set(table.years ?? [...days.keys()].map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
  const covered = new Set(years);
  const coverage: HolidayCoverage = Object.freeze({
    source: table.source,
    firstYear: years[0] ?? NaN,
    lastYear: years[years.length - 1] ?? NaN,
    years: Object.freeze(years),
  });
  return {
    coverage: () => coverage,
    lookup: (date) => (covered.has(Number(date.slice(0, 4))) ? days.get(date) : undefined),
  };
}

function loadChineseDays(): HolidaySource {
  // The file's shape is the package's, not ours: check it so an upgrade that changes it fails
  // at start-up instead of silently treating every holiday as a working day.
  const data = chineseDaysData as unknown as { holidays?: unknown; workdays?: unknown };
  const isTable = (x: unknown): x is Record<string, string> =>
    typeof x === 'object' && x !== null && Object.values(x).every((v) => typeof v === 'string');
  if (!isTable(data.holidays) || !isTable(data.workdays) || Object.keys(data.holidays).length === 0) {
    throw new Error('chinese-days: dist/chinese-days.json no longer has { holidays, workdays } tables');
  }
  return tableHolidaySource({
    source: `chinese-days@${chineseDaysPackage.version}`,
    holidays: data.holidays,
    makeupWorkdays: data.workdays,
  });
}

let defaultSource: HolidaySource | undefined;

/** The mainland China arrangement from `chinese-days`, loaded once per process. */
export function chineseHolidays(): HolidaySource {
  defaultSource ??= loadChineseDays();
  return defaultSource;
}

/**
 * The library's arrangement, with the years the platform entered itself taking over whole: a year
 * the platform published is read from its table only (the library's guess for it, if any, is not
 * mixed in). Tenants' own closed and working dates apply on top, in the calendar.
 */
export function withPlatformYears(base: HolidaySource, platform: HolidaySource): HolidaySource {
  const own = new Set(platform.coverage().years);
  if (!own.size) return base;
  const years = [...new Set([...base.coverage().years, ...own])].sort((a, b) => a - b);
  const coverage: HolidayCoverage = Object.freeze({
    source: `${base.coverage().source} + platform ${[...own].sort((a, b) => a - b).join(', ')}`,
    firstYear: years[0] ?? NaN,
    lastYear: years[years.length - 1] ?? NaN,
    years: Object.freeze(years),
  });
  return {
    coverage: () => coverage,
    lookup: (date) => (own.has(Number(date.slice(0, 4))) ? platform.lookup(date) : base.lookup(date)),
  };
}
