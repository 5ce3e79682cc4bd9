import { riskWarningFloor } from './risk';
import { MONEY_RE } from '../../shared/patterns';
import { createHash } from 'node:crypto';
import type { TenantScope } from '../../core/tenancy/scope';
import { userError, type UserErrorData } from '../../shared/user-error';
import { clean, fail, ok, type Result } from '../../shared/result';
import { RISK_LEVELS, type RiskLevel } from '../category/category.entity';
import type { CategoryService } from '../category/category.service';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import {
  CaseEntity,
  CasePartyEntity,
  CHANNELS,
  PARTY_KINDS,
  PARTY_ROLES,
  type Channel,
  type PartyKind,
  type PartyRole,
} from './case.entity';
import type { CaseErrorCode } from './case.states';
import { nextCaseNumber } from './case-number';
import { maskedSearchText } from './case-search';
import { readableCases } from './case-access';
import type { CaseSettingsService } from './case-settings.service';
import type { DuplicateFinder } from './duplicates';
import { isValidCreditCode, isValidIdNumber, isValidPhone, normalIdNumber, normalPhone } from './personal-data';
import type { CaseWorkflow } from './case.workflow';
import type { MessageId } from '../../core/i18n/catalog/en';

export interface PartyFields {
  role: PartyRole;
  kind: PartyKind;
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
  creditCode?: string | null;
}

export interface ReportCaseFields {
  title: string;
  description?: string | null;
  channel: Channel;
  categoryId?: string | null;
  riskLevel?: RiskLevel | null;
  peopleInvolved?: number | null;
  amountInvolved?: string | null;
  location?: string | null;
  reportedOrgUnitId?: string | null;
  parties?: PartyFields[] | null;
  externalRef?: string | null;
  idempotencyKey?: string | null;
  onBehalfOfResident?: boolean | null;
}

/** What the system adds when it opens a case itself (a hand-off from a child tenant, a recurrence). */
export interface ReportOrigin {
  originTenantId?: string;
  originCaseId?: string;
  recurrenceOfId?: string;
  eventData?: Record<string, unknown>;
}

export interface Reported {
  case: CaseEntity;
  /** true when an earlier report with the same idempotency key answered */
  replayed: boolean;
}

type Errors = UserErrorData<CaseErrorCode>[];
const RISK_ORDER: Record<RiskLevel, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, MAJOR: 3 };
const atLeast = (r: RiskLevel, floor: RiskLevel): RiskLevel => (RISK_ORDER[r] >= RISK_ORDER[floor] ? r : floor);

/** Intake from every channel: staff windows, grid workers, and machine feeds (12345, 110) alike. */
export class IntakeService {
  constructor(
    private readonly categories: CategoryService,
    private readonly orgUnits: OrgUnitService,
    private readonly settings: CaseSettingsService,
    private readonly workflow: CaseWorkflow,
    private readonly duplicates: DuplicateFinder,
  ) {}

  async report(
    scope: TenantScope,
    input: ReportCaseFields,
    opts: { machine: boolean; origin?: ReportOrigin },
  ): Promise<Result<Reported, CaseErrorCode>> {
    const errors = this.validate(input, opts.machine);
    const category = input.categoryId ? await this.categories.find(scope, input.categoryId) : null;
    if (input.categoryId && (!category || category.archivedAt))
      errors.push(userError(['input', 'categoryId'], 'CATEGORY_NOT_FOUND', 'notFound.activeCategory'));
    const unit = input.reportedOrgUnitId ? await this.orgUnits.find(scope, input.reportedOrgUnitId) : null;
    if (input.reportedOrgUnitId && (!unit || unit.archivedAt))
      errors.push(userError(['input', 'reportedOrgUnitId'], 'ORG_UNIT_NOT_FOUND', 'notFound.activeOrgUnit'));
    if (errors.length) return fail(...errors);

    const key = clean(input.idempotencyKey);
    const id = new CaseEntity().id;
    if (key) {
      const claimed = await this.claimKey(scope, key, requestHash(input), id);
      if (claimed !== true) return claimed;
    }

    const settings = await this.settings.get(scope);
    const people =
      input.peopleInvolved ?? Math.max(1, (input.parties ?? []).filter((p) => p.role === 'APPLICANT').length);
    const isGroup = people >= settings.groupDisputeThreshold;
    let risk: RiskLevel = input.riskLevel ?? category?.defaultRiskLevel ?? 'LOW';
    if (isGroup) risk = atLeast(risk, 'MEDIUM');
    const now = new Date();
    const title = clean(input.title)!;
    const description = clean(input.description) ?? '';
    const c = Object.assign(new CaseEntity(), {
      tenantId: scope.tenant.id,
      id,
      number: await nextCaseNumber(scope.em, scope.tenant, now),
      title,
      description,
      maskedText: maskedSearchText(title, description),
      channel: input.channel,
      status: 'REPORTED' as const,
      categoryId: category?.id ?? null,
      riskLevel: risk,
      warningLevel: riskWarningFloor(risk),
      isGroupDispute: isGroup,
      peopleInvolved: people,
      amountInvolved: clean(input.amountInvolved) ?? null,
      location: clean(input.location) ?? null,
      reportedOrgUnitId: unit?.id ?? null,
      orgUnitId: unit?.id ?? null,
      reporterSubject: scope.actor.subject,
      reporterClientId: scope.viewer?.clientId ?? null,
      reportedOnBehalf: !!input.onBehalfOfResident,
      externalRef: clean(input.externalRef) ?? null,
      idempotencyKey: key ?? null,
      reportedAt: now,
      originTenantId: opts.origin?.originTenantId ?? null,
      originCaseId: opts.origin?.originCaseId ?? null,
      recurrenceOfId: opts.origin?.recurrenceOfId ?? null,
    });
    scope.em.persist(c);
    const parties = (input.parties ?? []).map((p) => this.party(scope, c.id, p));
    scope.em.persist(parties);
    this.workflow.timeline.record(scope, c.id, {
      type: 'REPORTED',
      data: {
        channel: c.channel,
        number: c.number,
        onBehalfOfResident: c.reportedOnBehalf,
        externalRef: c.externalRef,
        riskLevel: risk,
        isGroupDispute: isGroup,
        ...opts.origin?.eventData,
      },
    });
    await this.duplicates.flag(scope, c, parties, settings.duplicateWindowHours);
    await this.workflow.finishStep(scope);
    return ok({ case: c, replayed: false });
  }

  /** A copy of a party for another case of the same tenant (merge, recurrence). */
  copyParty(scope: TenantScope, caseId: string, p: CasePartyEntity): CasePartyEntity {
    return this.party(scope, caseId, p);
  }

  /**
   * Claims the key before a number is taken. A concurrent report with the same key waits on the
   * unique index until the first commits, then finds its row: one case however often a feed retries.
   */
  private async claimKey(
    scope: TenantScope,
    key: string,
    hash: string,
    caseId: string,
  ): Promise<true | Result<Reported, CaseErrorCode>> {
    const inserted = await scope.em.execute<{ case_id: string }[]>(
      `insert into intake_keys (tenant_id, idempotency_key, request_hash, case_id) values (?, ?, ?, ?)
       on conflict (tenant_id, idempotency_key) do nothing returning case_id`,
      [scope.tenant.id, key, hash, caseId],
    );
    if (inserted.length) return true;
    const [prior] = await scope.em.execute<{ case_id: string; request_hash: string }[]>(
      'select case_id, request_hash from intake_keys where tenant_id = ? and idempotency_key = ?',
      [scope.tenant.id, key],
    );
    // Keys are unique per tenant, not per feed: another feed's key must not hand its case over.
    const existing = prior
      ? await scope.em.findOne(CaseEntity, {
          tenantId: scope.tenant.id,
          id: prior.case_id,
          ...readableCases(scope.viewer),
        })
      : null;
    if (!prior || !existing || prior.request_hash !== hash) {
      return fail(userError(['input', 'idempotencyKey'], 'IDEMPOTENCY_KEY_REUSED', 'case.idempotencyReused'));
    }
    return ok({ case: existing, replayed: true });
  }

  private party(scope: TenantScope, caseId: string, p: PartyFields): CasePartyEntity {
    return Object.assign(new CasePartyEntity(), {
      tenantId: scope.tenant.id,
      caseId,
      role: p.role,
      kind: p.kind,
      name: clean(p.name)!,
      idNumber: normalIdNumber(p.idNumber),
      phone: normalPhone(p.phone),
      address: clean(p.address) ?? null,
      creditCode: clean(p.creditCode)?.toUpperCase() ?? null,
    });
  }

  private validate(input: ReportCaseFields, machine: boolean): Errors {
    const errors: Errors = [];
    const bad = (field: string[], message: MessageId) =>
      errors.push(userError(['input', ...field], 'INVALID', message));
    const title = clean(input.title);
    if (!title || title.length > 200) bad(['title'], 'intake.title');
    if ((input.description ?? '').length > 20000) bad(['description'], 'input.max20000');
    if (!CHANNELS.includes(input.channel)) bad(['channel'], 'input.unknownChannel');
    if (input.riskLevel && !RISK_LEVELS.includes(input.riskLevel)) bad(['riskLevel'], 'input.unknownRiskLevel');
    if (
      input.peopleInvolved != null &&
      (!Number.isInteger(input.peopleInvolved) || input.peopleInvolved < 1 || input.peopleInvolved > 1_000_000)
    ) {
      bad(['peopleInvolved'], 'input.atLeastOne');
    }
    if (clean(input.amountInvolved) && !MONEY_RE.test(clean(input.amountInvolved)!))
      bad(['amountInvolved'], 'input.yuan');
    if ((clean(input.idempotencyKey) ?? '').length > 200) bad(['idempotencyKey'], 'input.max200');
    if (machine) {
      // A feed that cannot say which of its records this is cannot be deduplicated on retry.
      if (!clean(input.idempotencyKey)) bad(['idempotencyKey'], 'intake.needsIdempotencyKey');
      if (!clean(input.externalRef)) bad(['externalRef'], 'intake.needsExternalRef');
    }
    (input.parties ?? []).forEach((p, i) => {
      const at = ['parties', String(i)];
      if (!PARTY_ROLES.includes(p.role)) bad([...at, 'role'], 'input.unknownPartyRole');
      if (!PARTY_KINDS.includes(p.kind)) bad([...at, 'kind'], 'input.unknownPartyKind');
      if (!clean(p.name) || clean(p.name)!.length > 200) bad([...at, 'name'], 'input.name200');
      if (clean(p.idNumber) && !isValidIdNumber(clean(p.idNumber)!)) bad([...at, 'idNumber'], 'intake.idNumber');
      if (clean(p.phone) && !isValidPhone(clean(p.phone)!)) bad([...at, 'phone'], 'intake.phone');
      if (clean(p.creditCode) && !isValidCreditCode(clean(p.creditCode)!.toUpperCase()))
        bad([...at, 'creditCode'], 'intake.creditCode');
      if (p.kind === 'PERSON' && clean(p.creditCode)) bad([...at, 'creditCode'], 'intake.creditCodeOrgOnly');
    });
    if ((input.parties ?? []).length > 500) bad(['parties'], 'intake.tooManyParties');
    return errors;
  }
}

/** The report's content, so a reused key with a different report is caught rather than answered. */
function requestHash(input: ReportCaseFields): string {
  const { idempotencyKey: _key, ...rest } = input;
  return createHash('sha256').update(stableJson(rest)).digest('hex');
}

/** JSON with object keys sorted at every level and absent/null fields dropped: same report, same text. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v)
      .filter(([, x]) => x !== undefined && x !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
