import { z } from 'zod';
import type { CaseEntity, CaseEventEntity, WarningLevel } from '../case/case.entity';
import { WARNING_LEVELS } from '../case/case.entity';
import { CASE_STATUSES } from '../case/case.states';

export const BOARD_EVENT_TYPES = ['CASE_CHANGED', 'WARNING_RAISED'] as const;
export type BoardEventKind = (typeof BOARD_EVENT_TYPES)[number];

/**
 * One board event, as it travels between processes. Ids and states only: a title or a party's
 * name never leaves the database this way (the client fetches what it shows over HTTP).
 */
const boardEventSchema = z.object({
  type: z.enum(BOARD_EVENT_TYPES),
  caseId: z.string(),
  caseNumber: z.string(),
  status: z.enum(CASE_STATUSES),
  warningLevel: z.enum(WARNING_LEVELS),
  orgUnitId: z.string().nullable(),
  /** the unit and every unit above it, so a subscriber to a unit gets its whole subtree; not exposed */
  orgUnitPath: z.array(z.string()),
  occurredAt: z.iso.datetime(),
  eventType: z.string(),
});
export type BoardEvent = z.infer<typeof boardEventSchema>;

/** One message per case step and case: the events of that step, in order. */
export const boardMessageSchema = z.object({ tenantId: z.string(), events: z.array(boardEventSchema) });
export type BoardMessage = z.infer<typeof boardMessageSchema>;

/**
 * A step's timeline events as board events: WARNING_RAISED for a deadline warning, CASE_CHANGED
 * for anything else; each with the case's state after the step.
 */
export function boardEventsOf(c: CaseEntity, events: readonly CaseEventEntity[], orgUnitPath: string[]): BoardEvent[] {
  return events.map((e) => ({
    type: e.type === 'WARNING_RAISED' ? 'WARNING_RAISED' : 'CASE_CHANGED',
    caseId: c.id,
    caseNumber: c.number,
    status: c.status,
    warningLevel: c.warningLevel,
    orgUnitId: c.orgUnitId,
    orgUnitPath,
    occurredAt: e.occurredAt.toISOString(),
    eventType: e.type,
  }));
}

export interface BoardFilter {
  /** the unit or any unit below it */
  orgUnitId?: string | null;
  warningLevels?: readonly WarningLevel[] | null;
}

export function matchesFilter(e: BoardEvent, f: BoardFilter): boolean {
  if (f.orgUnitId && !e.orgUnitPath.includes(f.orgUnitId)) return false;
  if (f.warningLevels?.length && !f.warningLevels.includes(e.warningLevel)) return false;
  return true;
}

/** A message off the wire, or null when it is not one of ours. */
export function parseBoardMessage(raw: string): BoardMessage | null {
  try {
    const r = boardMessageSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
