import type { TenantScope } from '../../core/tenancy/scope';
import { userError } from '../../shared/user-error';
import { fail, ok, type Result } from '../../shared/result';
import type { CaseEntity } from './case.entity';
import type { CaseErrorCode } from './case.states';
import type { CaseWorkflow } from './case.workflow';
import type { CaseService } from './case.service';
import type { IntakeService } from './intake.service';
import { enrichParty, sameParty } from './party-identity';

/**
 * Folds duplicates into one surviving case: their parties are copied to it (the same person
 * once, by `sameParty`, the survivor's record filled from the duplicate's), their files stay and
 * show in the survivor's timeline, and each points to the survivor.
 */
export class MergeService {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly cases: CaseService,
    private readonly intake: IntakeService,
  ) {}

  async merge(
    scope: TenantScope,
    input: { survivorId: string; duplicateIds: string[]; reason?: string | null },
  ): Promise<Result<CaseEntity, CaseErrorCode>> {
    const dupIds = [...new Set(input.duplicateIds)];
    if (!dupIds.length || dupIds.length > 20)
      return fail(userError(['input', 'duplicateIds'], 'INVALID', 'case.mergeCount'));
    if (dupIds.includes(input.survivorId))
      return fail(userError(['input', 'duplicateIds'], 'SAME_CASE', 'case.mergeSelf'));
    // Lock in id order so two merges over the same cases cannot deadlock.
    const order = [input.survivorId, ...dupIds].sort();
    const locked = new Map<string, CaseEntity>();
    for (const id of order) {
      const field =
        id === input.survivorId ? ['input', 'survivorId'] : ['input', 'duplicateIds', String(dupIds.indexOf(id))];
      const r = await this.workflow.forAction(scope, id, 'merge', field);
      if (!r.ok) return r;
      locked.set(id, r.value);
    }
    const survivor = locked.get(input.survivorId)!;
    // One record per person: a duplicate's party that is someone the survivor already lists
    // enriches that record instead of being copied (ID number, else phone and name).
    const kept = await this.cases.partiesOf(scope.em, scope.tenant.id, [survivor.id]);
    let joined = 0;
    for (const id of dupIds) {
      const dup = locked.get(id)!;
      for (const p of await this.cases.partiesOf(scope.em, scope.tenant.id, [dup.id])) {
        const same = kept.find((k) => sameParty(k, p));
        if (same) {
          if (enrichParty(same, p).length) joined++;
          continue;
        }
        const copy = this.intake.copyParty(scope, survivor.id, p);
        scope.em.persist(copy);
        kept.push(copy);
      }
      dup.mergedIntoId = survivor.id;
      this.workflow.move(scope, dup, 'MERGED', {
        type: 'MERGED_INTO',
        data: { survivorId: survivor.id, survivorNumber: survivor.number, reason: input.reason ?? null },
      });
      survivor.peopleInvolved = Math.max(survivor.peopleInvolved, dup.peopleInvolved);
    }
    this.workflow.timeline.record(scope, survivor.id, {
      type: 'MERGED_FROM',
      data: {
        cases: dupIds.map((id) => ({ caseId: id, number: locked.get(id)!.number })),
        reason: input.reason ?? null,
        partiesEnriched: joined,
      },
    });
    await this.workflow.finishStep(scope);
    return ok(survivor);
  }
}
