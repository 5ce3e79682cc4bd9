import { startHarness, type Harness } from '../utils/harness';
import { buildCenter, mutate, type Center, type UserErrorView } from '../utils/cases';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';
import { RECORD_CONSULTATION, TURN_INTO_CASE } from '../utils/consultations';

const FIGURES = /* GraphQL */ `
  query($r: DateRangeInput!) { caseMetrics(range: $r) { reported consultations { total minutes turnedIntoCases byTopic { topic count minutes } } } }`;

type Recorded = {
  consultation: { id: string; [k: string]: unknown } | null;
  userErrors: UserErrorView[];
};

/** Issue 17 item 13: consultations at the window, turned into cases, counted in the figures. */
describe('consultations at the window', () => {
  let h: Harness;
  let t: TenantRecord;
  let center: Center;
  let clerk: string;
  let lead: string;
  let auditor: string;
  const from = new Date(Date.now() - 3_600_000).toISOString();

  beforeAll(async () => {
    h = await startHarness();
    t = await h.createTenant('cons');
    const admin = await h.token({ tenants: [t.code], roles: ['tenant-admin'] });
    center = await buildCenter(h, admin, [{ key: 'clerk', name: '窗口受理员 陈', subject: 'cons-clerk' }]);
    clerk = await h.token({ tenants: [t.code], roles: ['intake-clerk'], subject: 'cons-clerk' });
    lead = await h.token({ tenants: [t.code], roles: ['leader'] });
    auditor = await h.token({ tenants: [t.code], roles: ['auditor'] });
  });
  afterAll(() => h.close());

  it('records a legal consultation at the window, the clerk as the one who helped, the phone masked for readers without rights', async () => {
    const r = await mutate<Recorded>(h, clerk, RECORD_CONSULTATION, {
      topic: 'LEGAL',
      outcome: 'ANSWERED',
      minutes: 25,
      visitorName: '沈阿姨',
      visitorPhone: '138 0000 1234',
      summary: '询问遗产继承份额',
      departmentId: center.dept['justice'],
    });
    expect(r.userErrors).toEqual([]);
    expect(r.consultation).toMatchObject({
      topic: 'LEGAL',
      outcome: 'ANSWERED',
      minutes: 25,
      visitorName: '沈阿姨',
      department: { code: 'justice' },
      staff: { name: '窗口受理员 陈' },
      orgUnit: { id: center.centerId },
      case: null,
    });
    const read = await h.gql<{ consultation: { visitorPhone: string } }>(
      auditor,
      'query($id: ID!) { consultation(id: $id) { visitorPhone } }',
      { id: r.consultation!.id },
    );
    expect(read.body.data!.consultation.visitorPhone).toBe('138****1234');
  });

  it('answers bad input with userErrors, in the reader’s language', async () => {
    const r = await mutate<Recorded>(h, clerk, RECORD_CONSULTATION, {
      topic: 'PSYCHOLOGICAL',
      outcome: 'TURNED_INTO_CASE',
      minutes: 0,
      visitorPhone: '12',
      departmentId: '00000000-0000-7000-8000-000000000000',
      occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(r.consultation).toBeNull();
    expect(r.userErrors.map((e) => [e.field!.join('.'), e.code])).toEqual([
      ['input.outcome', 'INVALID'],
      ['input.minutes', 'INVALID'],
      ['input.visitorPhone', 'INVALID'],
      ['input.occurredAt', 'INVALID'],
      ['input.departmentId', 'DEPARTMENT_NOT_FOUND'],
    ]);
    expect(r.userErrors[1]!.message).toBe('用时为1至600之间的整数分钟。');
    const en = await h.gql<{ recordConsultation: Recorded }>(
      clerk,
      RECORD_CONSULTATION,
      { i: { topic: 'OTHER', outcome: 'ANSWERED', minutes: 601 } },
      { 'accept-language': 'en' },
    );
    expect(en.body.data!.recordConsultation.userErrors[0]!.message).toBe('Minutes are a whole number from 1 to 600');
  });

  it('turns a consultation that is a dispute into a case once, the visitor as applicant', async () => {
    const k = await mutate<Recorded>(h, clerk, RECORD_CONSULTATION, {
      topic: 'LABOUR',
      outcome: 'FOLLOW_UP_NEEDED',
      minutes: 40,
      visitorName: '外来务工人员 马某',
      summary: '工地拖欠三个月工资',
    });
    const r = await mutate<{
      consultation: { id: string; outcome: string; case: { id: string } } | null;
      case: { id: string; status: string; channel: string; parties: { role: string; name: string }[] } | null;
      userErrors: UserErrorView[];
    }>(h, clerk, TURN_INTO_CASE, { consultationId: k.consultation!.id, title: '工地欠薪纠纷' });
    expect(r.userErrors).toEqual([]);
    expect(r.case).toMatchObject({
      status: 'REPORTED',
      channel: 'WALK_IN',
      parties: [{ role: 'APPLICANT', name: '外来务工人员 马某' }],
    });
    expect(r.consultation).toMatchObject({ outcome: 'TURNED_INTO_CASE', case: { id: r.case!.id } });
    const again = await mutate<{ userErrors: UserErrorView[] }>(h, clerk, TURN_INTO_CASE, {
      consultationId: k.consultation!.id,
      title: '再转一次',
    });
    expect(again.userErrors.map((e) => e.code)).toEqual(['ALREADY_A_CASE']);
    const refused = await mutate<{ userErrors: UserErrorView[] }>(h, clerk, TURN_INTO_CASE, {
      consultationId: (
        await mutate<Recorded>(h, clerk, RECORD_CONSULTATION, { topic: 'FAMILY', outcome: 'ANSWERED', minutes: 5 })
      ).consultation!.id,
      title: ' ',
    });
    expect(refused.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'title'], 'CASE_REFUSED']]);
  });

  it('counts consultations in the figures by topic, with minutes and those turned into cases', async () => {
    const r = await h.gql<{
      caseMetrics: {
        reported: number;
        consultations: {
          total: number;
          minutes: number;
          turnedIntoCases: number;
          byTopic: { topic: string; count: number; minutes: number }[];
        };
      };
    }>(lead, FIGURES, { r: { from, to: new Date(Date.now() + 60_000).toISOString() } });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.caseMetrics.reported).toBe(1);
    expect(r.body.data!.caseMetrics.consultations).toEqual({
      total: 3,
      minutes: 70,
      turnedIntoCases: 1,
      byTopic: [
        { topic: 'FAMILY', count: 1, minutes: 5 },
        { topic: 'LABOUR', count: 1, minutes: 40 },
        { topic: 'LEGAL', count: 1, minutes: 25 },
      ],
    });
    const list = await h.gql<{ consultations: { totalCount: number; edges: { node: { topic: string } }[] } }>(
      lead,
      '{ consultations(first: 2, filter: { topic: LEGAL }) { totalCount edges { node { topic } } } }',
    );
    expect(list.body.data!.consultations).toEqual({ totalCount: 1, edges: [{ node: { topic: 'LEGAL' } }] });
  });
});
