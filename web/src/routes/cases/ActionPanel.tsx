import { useState, type ReactNode } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CasePageQuery } from '../../gql/graphql';
import * as D from './action-documents';
import { PICKERS } from './case-documents';
import { clearDraft, loadDraft, saveDraft } from '../../app/drafts';
import { showUserErrors, type UserErrorLike } from '../../app/user-errors';
import { useUnitTree } from '../../app/lookups';
import zh from '../../app/locales/zh-CN';

type Case = NonNullable<CasePageQuery['case']>;
type Values = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one runner for two dozen typed documents
type AnyDoc = TypedDocumentNode<any, { input: any }>;

interface Spec {
  doc: AnyDoc;
  fields: ReactNode;
  input: (v: Values, c: Case) => Record<string, unknown>;
  danger?: boolean;
}

const iso = (v: unknown) => (v ? (v as Dayjs).toISOString() : undefined);
const trimOr = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The steps this person may take now, as the API lists them; one form per step. */
export function ActionPanel({ c, onDone }: { c: Case; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<string | null>(null);
  const [loose, setLoose] = useState<string[]>([]);
  const [form] = Form.useForm<Values>();
  const units = useUnitTree();
  const startsAt = Form.useWatch('startsAt', form) as Dayjs | undefined;
  const pickers = useQuery(PICKERS, {
    variables: { orgUnitId: c.orgUnit?.id ?? units.tree[0]?.value ?? '', at: startsAt ? startsAt.toISOString() : null },
    skip: !open || !(c.orgUnit?.id ?? units.tree[0]?.value),
  });
  const client = useApolloClient();
  const [loading, setLoading] = useState(false);

  const opts = (group: keyof typeof zh.enums) =>
    Object.keys(zh.enums[group]).map((k) => ({ value: k, label: t(`enums.${group}.${k}`) }));
  const staff = pickers.data?.staff.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? [];
  // Available mediators first (free and on duty then), then everyone else with the role; the API
  // refuses a clash either way.
  const free = new Set(pickers.data?.mediators.edges.map((e) => e.node.id) ?? []);
  const mediators = (pickers.data?.staff.edges ?? [])
    .filter((e) => e.node.roles.includes('mediator'))
    .sort((a, b) => Number(free.has(b.node.id)) - Number(free.has(a.node.id)))
    .map((e) => ({ value: e.node.id, label: e.node.name }));
  const departments = pickers.data?.departments.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? [];
  const req = [{ required: true, whitespace: true, message: t('common.required') }];
  const reqAny = [{ required: true, message: t('common.required') }];
  const reason = (
    <Form.Item name="reason" label={t('form.reason')} rules={req}>
      <Input.TextArea rows={3} />
    </Form.Item>
  );
  const reasonInput = (v: Values, k: Case) => ({ caseId: k.id, reason: v['reason'] });
  const when = (name: string, label: string) => (
    <Form.Item name={name} label={label} rules={reqAny}>
      <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
    </Form.Item>
  );

  const specs: Record<string, Spec> = {
    ACCEPT: {
      doc: D.ACCEPT,
      fields: (
        <Form.Item name="note" label={t('form.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      ),
      input: (v, k) => ({ caseId: k.id, note: trimOr(v['note']) }),
    },
    REJECT: { doc: D.REJECT_CASE, fields: reason, input: reasonInput, danger: true },
    RETURN: { doc: D.RETURN_CASE, fields: reason, input: reasonInput },
    ESCALATE: { doc: D.ESCALATE_CASE, fields: reason, input: reasonInput },
    MARK_UNRESOLVED: { doc: D.MARK_CASE_UNRESOLVED, fields: reason, input: reasonInput },
    TAKE_BACK: { doc: D.TAKE_BACK_CASE, fields: reason, input: reasonInput },
    REOPEN: { doc: D.REOPEN_CASE, fields: reason, input: reasonInput },
    DISPATCH: {
      doc: D.DISPATCH_CASE,
      fields: (
        <>
          <Form.Item name="orgUnitId" label={t('form.orgUnit')}>
            <TreeSelect allowClear treeDefaultExpandAll treeData={units.tree} />
          </Form.Item>
          <Form.Item name="departmentId" label={t('form.department')}>
            <Select allowClear showSearch optionFilterProp="label" options={departments} />
          </Form.Item>
          <Form.Item name="note" label={t('form.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ),
      input: (v, k) => ({
        caseId: k.id,
        orgUnitId: v['orgUnitId'],
        departmentId: v['departmentId'],
        note: trimOr(v['note']),
      }),
    },
    ASSIGN: {
      doc: D.ASSIGN_CASE,
      fields: (
        <>
          <Form.Item name="staffIds" label={t('form.staff')} rules={reqAny}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={staff} />
          </Form.Item>
          <Form.Item name="leadId" label={t('form.lead')}>
            <Select allowClear options={staff} />
          </Form.Item>
        </>
      ),
      input: (v, k) => ({ caseId: k.id, staffIds: v['staffIds'], leadId: v['leadId'] }),
    },
    ADD_NOTE: {
      doc: D.ADD_CASE_NOTE,
      fields: (
        <>
          <Form.Item name="text" label={t('form.text')} rules={req}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('form.legalBasis')}>
            <Input />
          </Form.Item>
        </>
      ),
      input: (v, k) => ({ caseId: k.id, text: v['text'], legalBasis: trimOr(v['legalBasis']) }),
    },
    SCHEDULE_MEDIATION: {
      doc: D.SCHEDULE_MEDIATION,
      fields: (
        <>
          {when('startsAt', t('form.startsAt'))}
          {when('endsAt', t('form.endsAt'))}
          <Form.Item
            name="mediatorIds"
            label={t('form.mediators')}
            rules={reqAny}
            extra={
              pickers.data?.onDuty
                ? `${t('case.dutyPresent')}：${pickers.data.onDuty.present.map((p) => p.residency.department.name).join('、') || t('common.none')}`
                : undefined
            }
          >
            <Select mode="multiple" showSearch optionFilterProp="label" options={mediators} />
          </Form.Item>
          <Form.Item name="departmentIds" label={t('form.departments')}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={departments} />
          </Form.Item>
          <Form.Item name="method" label={t('form.method')} rules={reqAny} initialValue="FACE_TO_FACE">
            <Select options={opts('method')} />
          </Form.Item>
          <Form.Item name="chosenBy" label={t('form.chosenBy')} rules={reqAny} initialValue="PARTIES">
            <Select options={opts('chosenBy')} />
          </Form.Item>
          <Form.Item name="place" label={t('form.place')}>
            <Input />
          </Form.Item>
        </>
      ),
      input: (v, k) => ({
        caseId: k.id,
        startsAt: iso(v['startsAt']),
        endsAt: iso(v['endsAt']),
        mediatorIds: v['mediatorIds'],
        departmentIds: v['departmentIds'],
        method: v['method'],
        chosenBy: v['chosenBy'],
        place: trimOr(v['place']),
        orgUnitId: k.orgUnit?.id,
      }),
    },
    RECORD_MEDIATION_OUTCOME: {
      doc: D.RECORD_MEDIATION_OUTCOME,
      fields: (
        <>
          <Form.Item name="sessionId" label={t('form.session')} rules={reqAny}>
            <Select
              options={c.mediationSessions
                .filter((s) => s.status === 'SCHEDULED')
                .map((s) => ({
                  value: s.id,
                  label: `${dayjs(s.startsAt).format('YYYY-MM-DD HH:mm')} ${s.place ?? ''}`,
                }))}
            />
          </Form.Item>
          <Form.Item name="outcome" label={t('form.outcome')} rules={reqAny}>
            <Select options={opts('outcome')} />
          </Form.Item>
          <Form.Item name="terms" label={t('form.terms')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="amount" label={t('form.amount')}>
            <Input />
          </Form.Item>
          <Form.Item name="note" label={t('form.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="lateReason" label={t('form.lateReason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ),
      input: (v) => ({
        sessionId: v['sessionId'],
        outcome: v['outcome'],
        note: trimOr(v['note']),
        lateReason: trimOr(v['lateReason']),
        agreement: trimOr(v['terms']) ? { terms: trimOr(v['terms']), amount: trimOr(v['amount']) } : undefined,
      }),
    },
    RESOLVE: {
      doc: D.RESOLVE_CASE,
      fields: (
        <>
          <Form.Item name="resolution" label={t('form.resolution')} rules={req}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="resolvedOnSite" label={t('form.onSite')} valuePropName="checked" initialValue={false}>
            <Switch />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('form.legalBasis')}>
            <Input />
          </Form.Item>
          <Form.Item name="followUpAssigneeId" label={t('form.followUpAssignee')}>
            <Select allowClear showSearch optionFilterProp="label" options={staff} />
          </Form.Item>
        </>
      ),
      input: (v, k) => ({
        caseId: k.id,
        resolution: v['resolution'],
        resolvedOnSite: !!v['resolvedOnSite'],
        legalBasis: trimOr(v['legalBasis']),
        followUpAssigneeId: v['followUpAssigneeId'],
      }),
    },
    REFER: {
      doc: D.REFER_CASE,
      fields: (
        <>
          <Form.Item name="target" label={t('form.target')} rules={reqAny}>
            <Select options={opts('referralTarget')} />
          </Form.Item>
          <Form.Item name="targetName" label={t('form.targetName')} rules={req}>
            <Input />
          </Form.Item>
          <Form.Item name="reason" label={t('form.reason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="referenceNumber" label={t('form.referenceNumber')}>
            <Input />
          </Form.Item>
        </>
      ),
      input: (v, k) => ({
        caseId: k.id,
        target: v['target'],
        targetName: v['targetName'],
        reason: trimOr(v['reason']),
        referenceNumber: trimOr(v['referenceNumber']),
      }),
    },
    SCHEDULE_FOLLOW_UP: {
      doc: D.SCHEDULE_FOLLOW_UP,
      fields: (
        <>
          {when('dueAt', t('form.dueAt'))}
          <Form.Item name="assigneeId" label={t('form.followUpAssignee')}>
            <Select allowClear options={staff} />
          </Form.Item>
        </>
      ),
      input: (v, k) => ({ caseId: k.id, dueAt: iso(v['dueAt']), assigneeId: v['assigneeId'] }),
    },
    COMPLETE_FOLLOW_UP: {
      doc: D.COMPLETE_FOLLOW_UP,
      fields: (
        <>
          <Form.Item
            name="followUpId"
            label={t('form.followUp')}
            rules={reqAny}
            initialValue={c.followUps.find((f) => f.status === 'SCHEDULED')?.id}
          >
            <Select
              options={c.followUps
                .filter((f) => f.status === 'SCHEDULED')
                .map((f) => ({
                  value: f.id,
                  label: `${dayjs(f.dueAt).format('YYYY-MM-DD HH:mm')} ${f.assignee?.name ?? ''}`,
                }))}
            />
          </Form.Item>
          <Form.Item name="result" label={t('form.result')} rules={reqAny}>
            <Select options={opts('followUpResult')} />
          </Form.Item>
          <Form.Item name="satisfaction" label={t('form.satisfaction')}>
            <InputNumber min={1} max={5} />
          </Form.Item>
          <Form.Item name="notes" label={t('form.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ),
      input: (v) => ({
        followUpId: v['followUpId'],
        result: v['result'],
        satisfaction: v['satisfaction'] ?? undefined,
        notes: trimOr(v['notes']),
      }),
    },
    CLOSE: {
      doc: D.CLOSE_CASE,
      fields: (
        <Form.Item name="note" label={t('form.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      ),
      input: (v, k) => ({ caseId: k.id, note: trimOr(v['note']) }),
    },
    MERGE: {
      doc: D.MERGE_CASES,
      fields: (
        <>
          <Form.Item name="duplicateIds" label={t('form.duplicates')} rules={reqAny}>
            <Select
              mode="multiple"
              options={c.possibleDuplicates
                .filter((d) => d.case)
                .map((d) => ({ value: d.case!.id, label: `${d.case!.number} ${d.case!.title}` }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('form.reason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ),
      input: (v, k) => ({ survivorId: k.id, duplicateIds: v['duplicateIds'], reason: trimOr(v['reason']) }),
    },
    SUPERVISE: {
      doc: D.SUPERVISE_CASE,
      fields: (
        <>
          <Form.Item name="message" label={t('form.message')} rules={req}>
            <Input.TextArea rows={3} />
          </Form.Item>
          {when('replyBy', t('form.replyBy'))}
        </>
      ),
      input: (v, k) => ({ caseId: k.id, message: v['message'], replyBy: iso(v['replyBy']) }),
    },
    REPLY_SUPERVISION: {
      doc: D.REPLY_SUPERVISION,
      fields: (
        <>
          <Form.Item name="noticeId" label={t('form.notice')} rules={reqAny}>
            <Select
              options={c.supervisionNotices.filter((n) => !n.repliedAt).map((n) => ({ value: n.id, label: n.message }))}
            />
          </Form.Item>
          <Form.Item name="reply" label={t('form.reply')} rules={req}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      ),
      input: (v) => ({ noticeId: v['noticeId'], reply: v['reply'] }),
    },
    REQUEST_EXTENSION: {
      doc: D.REQUEST_DEADLINE_EXTENSION,
      fields: (
        <>
          <Form.Item name="deadlineId" label={t('form.deadline')} rules={reqAny}>
            <Select
              options={c.deadlines
                .filter((d) => d.status === 'OPEN')
                .map((d) => ({
                  value: d.id,
                  label: `${t(`enums.step.${d.step}`)} ${dayjs(d.dueAt).format('YYYY-MM-DD HH:mm')}`,
                }))}
            />
          </Form.Item>
          {when('newDueAt', t('form.newDueAt'))}
          {reason}
        </>
      ),
      input: (v) => ({ deadlineId: v['deadlineId'], newDueAt: iso(v['newDueAt']), reason: v['reason'] }),
    },
    DECIDE_EXTENSION: {
      doc: D.DECIDE_DEADLINE_EXTENSION,
      fields: (
        <>
          <Form.Item name="requestId" label={t('form.request')} rules={reqAny}>
            <Select
              options={c.extensionRequests
                .filter((r) => r.status === 'PENDING')
                .map((r) => ({
                  value: r.id,
                  label: `${r.reason}（${dayjs(r.requestedDueAt).format('YYYY-MM-DD HH:mm')}）`,
                }))}
            />
          </Form.Item>
          <Form.Item name="approve" label={t('form.approve')} valuePropName="checked" initialValue>
            <Switch />
          </Form.Item>
          <Form.Item name="note" label={t('form.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ),
      input: (v) => ({ requestId: v['requestId'], approve: !!v['approve'], note: trimOr(v['note']) }),
    },
  };

  specs['RECORD_LINKAGE'] = {
    doc: D.RECORD_JUDICIAL_CONFIRMATION,
    fields: (
      <>
        <Form.Item name="agreementId" label={t('case.agreements')} rules={reqAny} initialValue={c.agreements[0]?.id}>
          <Select options={c.agreements.map((a) => ({ value: a.id, label: a.terms }))} />
        </Form.Item>
        <Form.Item name="status" label={t('case.confirmation')} rules={reqAny} initialValue="REQUESTED">
          <Select
            options={['REQUESTED', 'CONFIRMED', 'REFUSED'].map((k) => ({
              value: k,
              label: t(`enums.confirmation.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="court" label={t('form.court')} rules={req}>
          <Input />
        </Form.Item>
        <Form.Item name="courtCaseNumber" label={t('form.courtCaseNumber')}>
          <Input />
        </Form.Item>
      </>
    ),
    input: (v) => ({
      agreementId: v['agreementId'],
      status: v['status'],
      court: v['court'],
      courtCaseNumber: trimOr(v['courtCaseNumber']),
    }),
  };
  // Same permission as judicial confirmation (the API's RECORD_LINKAGE), for a referral's answer.
  specs['RECORD_REFERRAL_OUTCOME'] = {
    doc: D.RECORD_REFERRAL_OUTCOME,
    fields: (
      <>
        <Form.Item
          name="referralId"
          label={t('case.referrals')}
          rules={reqAny}
          initialValue={c.referrals.find((r) => !r.outcome)?.id}
        >
          <Select
            options={c.referrals
              .filter((r) => !r.outcome)
              .map((r) => ({ value: r.id, label: `${t(`enums.referralTarget.${r.target}`)} ${r.targetName}` }))}
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('form.outcome')} rules={req}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="referenceNumber" label={t('form.referenceNumber')}>
          <Input />
        </Form.Item>
      </>
    ),
    input: (v) => ({
      referralId: v['referralId'],
      outcome: v['outcome'],
      referenceNumber: trimOr(v['referenceNumber']),
    }),
  };

  const draftKey = (a: string) => `case.${c.id}.${a}`;
  // What the API allows, where the case has something to act on (an agreement to confirm, a
  // referral awaiting its answer).
  const offered = [
    ...c.allowedActions.filter((a) => specs[a] && (a !== 'RECORD_LINKAGE' || c.agreements.length > 0)),
    ...(c.allowedActions.includes('RECORD_LINKAGE') && c.referrals.some((r) => !r.outcome)
      ? ['RECORD_REFERRAL_OUTCOME']
      : []),
  ];

  const start = (a: string) => {
    setLoose([]);
    form.resetFields();
    const d = loadDraft(draftKey(a));
    if (d) form.setFieldsValue(d);
    setOpen(a);
  };

  const submit = async () => {
    const a = open!;
    await form.validateFields();
    setLoading(true);
    try {
      const r = await client.mutate({
        mutation: specs[a]!.doc,
        variables: { input: specs[a]!.input(form.getFieldsValue(true) as Values, c) },
      });
      const payload = Object.values((r.data ?? {}) as Record<string, { userErrors: UserErrorLike[] }>)[0];
      if (payload?.userErrors.length) {
        // Refused: the typed values stay, each message beside its field.
        setLoose(showUserErrors(form, payload.userErrors));
        return;
      }
      clearDraft(draftKey(a));
      setOpen(null);
      message.success(t('common.saved'));
      onDone();
    } catch {
      setLoose([t('common.failed')]);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Card title={t('case.actions')} size="small">
      {offered.length === 0 ? (
        <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>
      ) : (
        <Space wrap>
          {offered.map((a) => (
            <Button
              key={a}
              type={specs[a]!.danger ? 'default' : 'primary'}
              danger={specs[a]!.danger}
              onClick={() => start(a)}
            >
              {t(`actions.${a}`)}
            </Button>
          ))}
        </Space>
      )}
      <Modal
        open={!!open}
        title={open ? t(`actions.${open}`) : ''}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={loading}
        onOk={() => void submit()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {loose.length > 0 && <Alert type="error" showIcon message={loose.join('；')} style={{ marginBottom: 12 }} />}
        {open && c.status && <Tag style={{ marginBottom: 12 }}>{t(`enums.status.${c.status}`)}</Tag>}
        <Form
          form={form}
          layout="vertical"
          preserve
          onValuesChange={(_, all) => open && saveDraft(draftKey(open), all)}
        >
          {open && specs[open]!.fields}
        </Form>
      </Modal>
    </Card>
  );
}
