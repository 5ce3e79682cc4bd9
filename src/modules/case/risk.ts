import type { RiskLevel } from '../category/category.entity';

/** High and major risk: their deadline notices are urgent (they pass quiet hours). */
export const isHighRisk = (r: RiskLevel): boolean => r === 'HIGH' || r === 'MAJOR';

/** The warning a case shows before any clock does: high and major risk start (and stay at least) YELLOW. */
export const riskWarningFloor = (r: RiskLevel): 'YELLOW' | 'GREEN' => (isHighRisk(r) ? 'YELLOW' : 'GREEN');
