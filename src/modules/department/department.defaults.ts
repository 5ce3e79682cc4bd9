import type { DepartmentKind } from './department.entity';

/**
 * The catalogue a new tenant starts with: the bodies and social forces the reports name
 * (DOMAIN.md item 5). Admins edit or archive them; codes are stable keys for seeding.
 */
export const DEFAULT_DEPARTMENTS: { code: string; name: string; kind: DepartmentKind }[] = [
  { code: 'court', name: '人民法院', kind: 'COURT' },
  { code: 'procuratorate', name: '人民检察院', kind: 'PROCURATORATE' },
  { code: 'police', name: '公安派出所', kind: 'POLICE' },
  { code: 'justice', name: '司法所', kind: 'JUSTICE' },
  { code: 'petitions', name: '信访办', kind: 'PETITIONS' },
  { code: 'human-resources', name: '人力资源和社会保障局', kind: 'HUMAN_RESOURCES' },
  { code: 'housing', name: '住房和城乡建设局', kind: 'HOUSING' },
  { code: 'health', name: '卫生健康局', kind: 'HEALTH' },
  { code: 'market-regulation', name: '市场监督管理局', kind: 'MARKET_REGULATION' },
  { code: 'law-enforcement', name: '综合行政执法局', kind: 'LAW_ENFORCEMENT' },
  { code: 'agriculture', name: '农业农村局', kind: 'AGRICULTURE' },
  { code: 'natural-resources', name: '自然资源局', kind: 'NATURAL_RESOURCES' },
  { code: 'forestry', name: '林业局', kind: 'FORESTRY' },
  { code: 'trade-union', name: '总工会', kind: 'TRADE_UNION' },
  { code: 'womens-federation', name: '妇女联合会', kind: 'WOMENS_FEDERATION' },
  { code: 'lawyers', name: '律师事务所', kind: 'LAWYERS' },
  { code: 'psychologists', name: '心理咨询师', kind: 'PSYCHOLOGISTS' },
  { code: 'associations', name: '行业协会', kind: 'ASSOCIATION' },
];
