import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CaseEventType } from './case.type';
import type { RequestContext } from '../../core/graphql/context';
import { groupLoader } from '../../core/graphql/loaders';
import { t } from '../../core/i18n/translate';
import type { MessageArg, MessageValues } from '../../shared/message-ref';
import { enumArg, listArg, moneyArg, timeArg } from '../../shared/message-ref';
import { departmentById } from '../department/department.loaders';
import { orgUnitLoaders } from '../org-unit/org-unit.loaders';
import { staffById, staffBySubject } from '../staff/staff.loaders';
import { isResidentSubject, isSystemSubject } from '../../shared/subjects';

@Resolver(() => CaseEventType)
export class CaseEventResolver {
  @FieldResolver(() => String, {
    description:
      "The entry as one sentence in the request's language (Accept-Language; zh-CN by default): who did what, " +
      'with display names, units, labels, local times and the legal basis. `type` and `data` stay the stable form.',
  })
  summary(@Root() e: CaseEventType, @Ctx() ctx: RequestContext): Promise<string> {
    return summarizeEvent(ctx, e);
  }
}

type Data = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const when = (v: unknown): MessageArg => (typeof v === 'string' ? timeArg(new Date(v)) : '');

/**
 * One sentence per timeline entry, in the request's locale: who did what, with people's display
 * names (the staff directory; never a subject or id), units, departments, labels and local
 * times. Free text (reasons, notes) stays in `data`: the summary says what happened, and shows
 * no more than the structured fields do. Names come through the request's DataLoaders, so a
 * page of entries costs a fixed handful of queries.
 */
async function summarizeEvent(ctx: RequestContext, e: CaseEventType): Promise<string> {
  const d = (e.data ?? {}) as Data;
  const staffName = async (id: unknown) => (typeof id === 'string' ? (await staffById(ctx).load(id))?.name : null);
  const people = async (ids: unknown) =>
    listArg((await Promise.all(strs(ids).map(staffName))).filter((n): n is string => !!n));
  const unitName = async (id: unknown) =>
    typeof id === 'string' ? ((await orgUnitLoaders(ctx).byId.load(id))?.name ?? null) : null;
  const deptName = async (id: unknown) =>
    typeof id === 'string' ? ((await departmentById(ctx).load(id))?.name ?? null) : null;
  const target = async () => {
    const names = [await unitName(d['orgUnitId']), await deptName(d['departmentId'])].filter((n): n is string => !!n);
    return listArg(names);
  };

  const values: MessageValues = { actor: await actorName(ctx, e.actorSubject, str(d['actorName'])) };
  switch (e.type) {
    case 'REPORTED':
      values['channel'] = enumArg('Channel', String(d['channel']));
      values['number'] = String(d['number'] ?? '');
      break;
    case 'DUPLICATES_FLAGGED':
    case 'MERGED_FROM': {
      const cases = Array.isArray(d['cases']) ? (d['cases'] as { number?: unknown }[]) : [];
      values['numbers'] = listArg(cases.map((c) => String(c.number ?? '')));
      values['count'] = cases.length;
      break;
    }
    case 'ACCEPTED':
      values['risk'] = enumArg('RiskLevel', String(d['riskLevel']));
      break;
    case 'DISPATCHED':
    case 'REDISPATCHED':
    case 'RETURNED':
      values['target'] = await target();
      break;
    case 'ASSIGNED':
      values['people'] = await people(d['staffIds']);
      values['lead'] = (await staffName(d['leadId'])) ?? '';
      break;
    case 'HANDLING_STARTED':
      values['by'] = str(d['by']) ?? 'other';
      break;
    case 'MEDIATION_SCHEDULED':
      values['mediators'] = await people(d['mediatorIds']);
      values['departments'] = listArg(
        (await Promise.all(strs(d['departmentIds']).map(deptName))).filter((n): n is string => !!n),
      );
      values['method'] = enumArg('MediationMethod', String(d['method']));
      values['joint'] = d['joint'] ? 'yes' : 'no';
      values['at'] = when(d['startsAt']);
      break;
    case 'MEDIATION_RESCHEDULED':
    case 'MEDIATION_CANCELLED':
      values['mediators'] = await people(d['mediatorIds']);
      values['at'] = when(d['startsAt']);
      values['reason'] = str(d['reason']) ?? '';
      break;
    case 'MEDIATION_OUTCOME': {
      const sessionId = str(d['sessionId']);
      const links = sessionId
        ? await groupLoader(
            ctx,
            'session.mediators',
            (em, tid, ids) => ctx.services.mediation.mediatorsOf(em, tid, ids),
            (m) => m.sessionId,
          ).load(sessionId)
        : [];
      const depts = sessionId
        ? await groupLoader(
            ctx,
            'session.departments',
            (em, tid, ids) => ctx.services.mediation.departmentsOf(em, tid, ids),
            (x) => x.sessionId,
          ).load(sessionId)
        : [];
      values['mediators'] = await people(links.map((l) => l.staffId));
      values['joint'] = links.length + depts.length > 1 ? 'yes' : 'no';
      values['outcome'] = enumArg('MediationOutcome', String(d['outcome']));
      break;
    }
    case 'AGREEMENT_SIGNED':
      values['amount'] = str(d['amount']) ? moneyArg(String(d['amount'])) : '';
      values['hasAmount'] = str(d['amount']) ? 'yes' : 'no';
      values['instalments'] = typeof d['instalments'] === 'number' ? d['instalments'] : 0;
      break;
    case 'INSTALMENT_PAID':
      values['seq'] = typeof d['seq'] === 'number' ? d['seq'] : 0;
      values['amount'] = str(d['amount']) ? moneyArg(String(d['amount'])) : '';
      values['full'] = d['full'] ? 'yes' : 'no';
      values['late'] = d['late'] ? 'yes' : 'no';
      break;
    case 'INSTALMENT_OVERDUE':
      values['seq'] = typeof d['seq'] === 'number' ? d['seq'] : 0;
      values['date'] = str(d['dueOn']) ?? '';
      values['amount'] = str(d['outstanding']) ? moneyArg(String(d['outstanding'])) : '';
      break;
    case 'JUDICIAL_CONFIRMATION_REQUESTED':
    case 'JUDICIAL_CONFIRMATION_CONFIRMED':
    case 'JUDICIAL_CONFIRMATION_REFUSED':
      values['court'] = str(d['court']) ?? '';
      break;
    case 'ESCALATION_SUGGESTED':
      values['count'] = typeof d['failedSessions'] === 'number' ? d['failedSessions'] : 0;
      break;
    case 'ESCALATED':
    case 'LEVEL_RAISED':
      values['unit'] = str(d['toOrgUnitName']) ?? (await unitName(d['toOrgUnitId'])) ?? '';
      break;
    case 'SETTLED_BY_PARENT':
      values['number'] = str(d['parentCaseNumber']) ?? '';
      values['resolution'] = str(d['resolution']) ?? '';
      break;
    case 'HANDED_TO_PARENT_TENANT':
    case 'TAKEN_BACK':
      values['number'] = str(d['parentCaseNumber']) ?? '';
      break;
    case 'REFERRED':
      values['target'] = enumArg('ReferralTarget', String(d['target']));
      values['name'] = str(d['targetName']) ?? '';
      break;
    case 'FOLLOW_UP_SCHEDULED':
      values['assignee'] = (await staffName(d['assigneeId'])) ?? '';
      values['hasAssignee'] = values['assignee'] ? 'yes' : 'no';
      values['at'] = when(d['dueAt']);
      break;
    case 'FOLLOW_UP_COMPLETED':
      values['result'] = enumArg('FollowUpResult', String(d['result']));
      values['satisfaction'] = typeof d['satisfaction'] === 'number' ? d['satisfaction'] : 0;
      break;
    case 'CLOSED':
      values['recurrence'] = str(d['recurrenceNumber']) ?? '';
      break;
    case 'REOPENED':
      values['atFollowUp'] = d['followUpId'] ? 'yes' : 'no';
      break;
    case 'MERGED_INTO':
      values['number'] = str(d['survivorNumber']) ?? '';
      break;
    case 'WARNING_RAISED':
    case 'SLA_ESCALATION':
      values['step'] = enumArg('SlaStep', String(d['step']));
      values['level'] = typeof d['level'] === 'number' ? d['level'] + 1 : enumArg('WarningLevel', String(d['level']));
      values['at'] = when(d['dueAt']);
      break;
    case 'SUPERVISION_ISSUED':
      values['at'] = when(d['replyBy']);
      break;
    case 'SUPERVISION_REPLIED':
      values['late'] = d['late'] ? 'yes' : 'no';
      break;
    case 'EXTENSION_REQUESTED':
    case 'DEADLINE_EXTENDED':
      values['step'] = enumArg('SlaStep', String(d['step']));
      values['at'] = when(d['to']);
      break;
  }
  const opts = { timeZone: ctx.tenant?.timeZone };
  const sentence = t(ctx.locale, `event.${e.type}`, values, opts);
  return e.legalBasis ? t(ctx.locale, 'event.withLegalBasis', { sentence, basis: e.legalBasis }, opts) : sentence;
}

/**
 * The staff directory's name for a subject, else the name claim of the token that did it, else
 * "a staff member"; the system for work no person did, "the resident" for a resident's own
 * step; never the subject itself.
 */
async function actorName(ctx: RequestContext, subject: string | null, claimed: string | null): Promise<string> {
  if (!subject || isSystemSubject(subject)) return t(ctx.locale, 'event.actor.system');
  if (isResidentSubject(subject)) return t(ctx.locale, 'event.actor.resident');
  const person = await staffBySubject(ctx).load(subject);
  if (person) return person.name;
  return claimed ?? t(ctx.locale, 'event.actor.unknown');
}
