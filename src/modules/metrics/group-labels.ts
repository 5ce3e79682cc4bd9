import { enumLabel } from '../../core/i18n/translate';
import type { Locale } from '../../core/i18n/locale';
import type { GroupBy } from './metrics.service';

/** Dimensions whose groups are enum values: shown by their labels (来访, not WALK_IN). Others are names already. */
const ENUM_OF: Partial<Record<GroupBy, string>> = { CHANNEL: 'Channel', STATUS: 'CaseStatus', RISK_LEVEL: 'RiskLevel' };

export function groupLabel(locale: Locale, groupBy: GroupBy, g: { key: string | null; label: string | null }) {
  const e = ENUM_OF[groupBy];
  return e && g.key ? enumLabel(locale, e, g.key) : g.label;
}

export const groupByLabel = (locale: Locale, groupBy: GroupBy) => enumLabel(locale, 'MetricsGroupBy', groupBy);
