// The API's enum values, for pickers; their labels come from the catalogue.
export const DEPT_KINDS = [
  'JUSTICE',
  'COURT',
  'POLICE',
  'PROCURATORATE',
  'PETITIONS',
  'LAWYERS',
  'MEDIATION_STUDIO',
  'HUMAN_RESOURCES',
  'HOUSING',
  'MARKET_REGULATION',
  'LAW_ENFORCEMENT',
  'NATURAL_RESOURCES',
  'AGRICULTURE',
  'FORESTRY',
  'HEALTH',
  'WOMENS_FEDERATION',
  'TRADE_UNION',
  'ASSOCIATION',
  'PSYCHOLOGISTS',
  'VOLUNTEERS',
  'OTHER',
] as const;
export const RISKS = ['LOW', 'MEDIUM', 'HIGH', 'MAJOR'] as const;

/**
 * Solid tag colours that keep white text readable (WCAG AA): Ant Design's light green tag fails
 * axe's contrast check on a table row.
 */
export const TAG = { ok: '#237804', info: '#0050b3', bad: '#a8071a' } as const;
