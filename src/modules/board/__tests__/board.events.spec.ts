import { boardEventsOf, matchesFilter, parseBoardMessage, type BoardEvent } from '../board.events';
import type { CaseEntity, CaseEventEntity } from '../../case/case.entity';

const c = {
  id: 'case-1',
  number: 'ZL-2026-000001',
  title: '张三的纠纷',
  status: 'ACCEPTED',
  warningLevel: 'YELLOW',
  orgUnitId: 'grid',
} as unknown as CaseEntity;
const ev = (type: string, at: string) =>
  ({ type, occurredAt: new Date(at), data: { name: '张三' } }) as unknown as CaseEventEntity;

describe('board events', () => {
  it('makes one event per timeline event, WARNING_RAISED for warnings, with the state after the step and nothing personal', () => {
    const out = boardEventsOf(
      c,
      [ev('ACCEPTED', '2026-05-01T01:00:00Z'), ev('WARNING_RAISED', '2026-05-01T01:00:01Z')],
      ['grid', 'station', 'center'],
    );
    expect(out).toEqual([
      {
        type: 'CASE_CHANGED',
        caseId: 'case-1',
        caseNumber: 'ZL-2026-000001',
        status: 'ACCEPTED',
        warningLevel: 'YELLOW',
        orgUnitId: 'grid',
        orgUnitPath: ['grid', 'station', 'center'],
        occurredAt: '2026-05-01T01:00:00.000Z',
        eventType: 'ACCEPTED',
      },
      {
        type: 'WARNING_RAISED',
        caseId: 'case-1',
        caseNumber: 'ZL-2026-000001',
        status: 'ACCEPTED',
        warningLevel: 'YELLOW',
        orgUnitId: 'grid',
        orgUnitPath: ['grid', 'station', 'center'],
        occurredAt: '2026-05-01T01:00:01.000Z',
        eventType: 'WARNING_RAISED',
      },
    ]);
    expect(JSON.stringify(out)).not.toMatch(/张三/);
  });

  it('filters by unit subtree and warning level', () => {
    const [e] = boardEventsOf(c, [ev('ACCEPTED', '2026-05-01T01:00:00Z')], ['grid', 'station', 'center']) as [
      BoardEvent,
    ];
    expect(matchesFilter(e, {})).toBe(true);
    expect(matchesFilter(e, { orgUnitId: 'center' })).toBe(true);
    expect(matchesFilter(e, { orgUnitId: 'other-station' })).toBe(false);
    expect(matchesFilter(e, { warningLevels: ['YELLOW', 'RED'] })).toBe(true);
    expect(matchesFilter(e, { warningLevels: ['RED'] })).toBe(false);
    expect(matchesFilter(e, { warningLevels: [] })).toBe(true);
    expect(matchesFilter({ ...e, orgUnitId: null, orgUnitPath: [] }, { orgUnitId: 'center' })).toBe(false);
  });

  it('reads back only well-formed messages', () => {
    const events = boardEventsOf(c, [ev('ACCEPTED', '2026-05-01T01:00:00Z')], []);
    expect(parseBoardMessage(JSON.stringify({ tenantId: 't', events }))).toEqual({ tenantId: 't', events });
    expect(parseBoardMessage('nope')).toBeNull();
    expect(
      parseBoardMessage(JSON.stringify({ tenantId: 't', events: [{ ...events[0], status: 'HACKED' }] })),
    ).toBeNull();
    expect(parseBoardMessage(JSON.stringify({ events }))).toBeNull();
  });
});
