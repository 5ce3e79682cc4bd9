import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The parts of `caseMetrics` that cost statements of their own beyond the cohort's counts. A
 * reader that shows few figures (the board's seven-day trend asks each day for two numbers)
 * should not pay for the rest: with 10,000 open cases each part is a scan or a join of its own,
 * and the board asks for ten sets of figures at once.
 */
export const METRIC_PARTS = [
  'onTime',
  'openByWarning',
  'supervision',
  'satisfaction',
  'consultations',
  'recovery',
] as const;
export type MetricPart = (typeof METRIC_PARTS)[number];
export const ALL_METRIC_PARTS: ReadonlySet<MetricPart> = new Set(METRIC_PARTS);

/**
 * The parts the operation selects on this field, through fragments and inline fragments. A field
 * under @skip/@include counts as selected: computing a part for nothing is only slower.
 */
export function selectedMetricParts(info: GraphQLResolveInfo): ReadonlySet<MetricPart> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        walk(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return new Set(METRIC_PARTS.filter((p) => names.has(p)));
}
