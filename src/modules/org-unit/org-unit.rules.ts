import { HHMM_RE } from '../../shared/patterns';
import { userError, type UserErrorData } from '../../shared/user-error';
import type { OpeningPeriod, OrgUnitKind } from './org-unit.entity';
import { OrgUnitErrorCode as E } from './org-unit.errors';

/** Which kinds may sit under which: the center at the top, grids under a station or center. */
export const ALLOWED_PARENTS: Record<OrgUnitKind, readonly (OrgUnitKind | null)[]> = {
  CENTER: [null],
  SUB_CENTER: ['CENTER'],
  STATION: ['CENTER', 'SUB_CENTER'],
  GRID: ['CENTER', 'SUB_CENTER', 'STATION'],
};

/** Periods on one weekday must not overlap; "24:00" is not a time, close at "23:59". */
export function checkOpeningHours(periods: OpeningPeriod[], path: string[]): UserErrorData<E>[] {
  const errors: UserErrorData<E>[] = [];
  periods.forEach((p, i) => {
    const at = [...path, String(i)];
    if (!Number.isInteger(p.weekday) || p.weekday < 1 || p.weekday > 7) {
      errors.push(userError([...at, 'weekday'], E.INVALID, 'input.weekday'));
    }
    if (!HHMM_RE.test(p.opens) || !HHMM_RE.test(p.closes)) {
      errors.push(userError(at, E.INVALID, 'orgUnit.timeFormat'));
    } else if (p.opens >= p.closes) {
      errors.push(userError(at, E.INVALID, 'orgUnit.periodOrder'));
    }
  });
  if (errors.length) return errors;
  const sorted = [...periods].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (a.weekday === b.weekday && b.opens < a.closes) {
      errors.push(
        userError(path, E.INVALID, 'orgUnit.periodOverlap', {
          weekday: b.weekday,
          a: `${a.opens}–${a.closes}`,
          b: `${b.opens}–${b.closes}`,
        }),
      );
    }
  }
  return errors;
}
