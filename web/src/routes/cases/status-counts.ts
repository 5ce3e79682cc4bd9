import { StatusCountsDocument } from '../../gql/graphql';

/** The desk's counts per status: one aliased count per status, under the same filters as the list. */
export const COUNTED_STATUSES = [
  'REPORTED',
  'ACCEPTED',
  'DISPATCHED',
  'IN_PROGRESS',
  'ESCALATED',
  'RESOLVED',
  'FOLLOW_UP',
  'UNRESOLVED',
  'CLOSED',
] as const;

export const STATUS_COUNTS = StatusCountsDocument;
