import type { CaseTimeShifter } from './demo-time-shift';
import { daysFrom, localDateOf } from '../core/calendar/local-date';

/** One case of a story, in its own tenant. */
export interface StoryCase {
  tenantId: string;
  caseId: string;
  role: 'main' | 'duplicate' | 'county' | 'again';
}

/**
 * Tells one story step by step through the services, which stamp every row with the real clock:
 * before each step the story's cases (the town's, and the county's it opened) are moved back so
 * that the step lands after the gap the story asks for; at the end they are moved so the last
 * step sits at its own time. Every row of a case moves with it (demo-time-shift.ts).
 */
export class StoryTeller {
  readonly cases: StoryCase[] = [];
  /** the story time of the step last run, which the rows place at about the real now */
  private last: number | null = null;
  /** the whole days given to date-only columns so far */
  private movedDays = 0;

  constructor(
    private readonly shifter: CaseTimeShifter,
    private readonly tz: string,
  ) {}

  add(c: StoryCase): void {
    this.cases.push(c);
  }

  find(role: StoryCase['role']): StoryCase | undefined {
    return this.cases.find((c) => c.role === role);
  }

  /** Runs `run` as of story time `at`; a moment the plan dropped (absent) is skipped. */
  async at(at: Date | undefined, run: () => Promise<void>): Promise<void> {
    if (!at) return;
    if (this.last !== null && at.getTime() < this.last) throw new Error('demo story: steps out of order');
    // A due date written at this step is today's date plus n; it must end as this step's date plus n.
    const lag = daysFrom(localDateOf(at, this.tz), localDateOf(new Date(), this.tz));
    if (this.last !== null) await this.move(-(at.getTime() - this.last), lag);
    await run();
    this.last = at.getTime();
  }

  /**
   * Puts the last step at its own time. `now` is the real time the last step ran, read just after
   * it, so the error is the few milliseconds between its commit and that read.
   */
  async finish(now = Date.now()): Promise<void> {
    if (this.last !== null) await this.move(this.last - now, 0);
  }

  /**
   * Date-only columns (due dates) move by calendar days, not by rounded milliseconds: before each
   * step they stand `lag` days ahead of where they end, so whatever a step writes relative to
   * today lands relative to the step's own day.
   */
  private async move(ms: number, lag: number): Promise<void> {
    const days = lag - this.movedDays;
    this.movedDays = lag;
    await this.shifter.shiftAll(this.cases, Math.round(ms), days);
  }
}
