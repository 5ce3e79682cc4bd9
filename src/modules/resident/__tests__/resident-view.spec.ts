import { nextStepOf } from '../resident-view';

const session = new Date('2026-11-30T01:00:00Z');
const visit = new Date('2026-12-07T09:30:00Z');
const deadline = new Date('2026-12-18T09:30:00Z');

describe("the resident's next step", () => {
  it('is the booked session while the case is being handled', () => {
    expect(nextStepOf('IN_PROGRESS', { sessionAt: session, visitDue: null, visited: false, deadline })).toEqual({
      nextStep: '按预约时间参加调解',
      nextStepDue: session,
    });
  });

  it('does not send the resident to a session of a case already settled (the phone page showed it after the visit)', () => {
    expect(nextStepOf('RESOLVED', { sessionAt: session, visitDue: visit, visited: false, deadline: null })).toEqual({
      nextStep: '等待回访',
      nextStepDue: visit,
    });
    expect(nextStepOf('FOLLOW_UP', { sessionAt: session, visitDue: null, visited: true, deadline: null })).toEqual({
      nextStep: '回访已完成，等待中心结案',
      nextStepDue: null,
    });
  });

  it("names the booking waiting for the center's confirmation or for the resident's answer", () => {
    const at = { sessionAt: null, visitDue: null, visited: false, deadline };
    expect(nextStepOf('DISPATCHED', { ...at, request: 'REQUESTED' })).toEqual({
      nextStep: '等待中心确认预约',
      nextStepDue: null,
    });
    expect(nextStepOf('DISPATCHED', { ...at, request: 'PROPOSED' }).nextStep).toBe('中心建议了其他时间，请确认');
  });

  it("waits on the open deadline of the status's step when nothing is booked", () => {
    expect(nextStepOf('DISPATCHED', { sessionAt: null, visitDue: null, visited: false, deadline })).toEqual({
      nextStep: '承办部门将与您联系，可预约调解',
      nextStepDue: deadline,
    });
    expect(nextStepOf('CLOSED', { sessionAt: null, visitDue: null, visited: true, deadline: null })).toEqual({
      nextStep: '已办结，欢迎评价',
      nextStepDue: null,
    });
  });
});
