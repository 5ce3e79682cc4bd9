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

/** The parts an operation selects, each the field of the same name (`selected` answers for one). */
export function metricPartsOf(selected: (field: string) => boolean): ReadonlySet<MetricPart> {
  return new Set(METRIC_PARTS.filter((p) => selected(p)));
}
