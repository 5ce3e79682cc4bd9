import type { Logger } from '../../src/core/observability/logger';
import type { Services } from '../../src/services';

/** Daily: tells every tenant's admins, and the platform's log, when the holiday schedule is about to run out. */
export const calendarCoverageCheck = (s: Services, log: Logger) => () => s.holidays.checkCoverage(log);
