import { graphql } from '../../gql';

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

export const STATUS_COUNTS = graphql(`
  query StatusCounts($f0: CaseFilter!, $f1: CaseFilter!, $f2: CaseFilter!, $f3: CaseFilter!, $f4: CaseFilter!, $f5: CaseFilter!, $f6: CaseFilter!, $f7: CaseFilter!, $f8: CaseFilter!) {
    s0: cases(first: 1, filter: $f0) {
      totalCount
    }
    s1: cases(first: 1, filter: $f1) {
      totalCount
    }
    s2: cases(first: 1, filter: $f2) {
      totalCount
    }
    s3: cases(first: 1, filter: $f3) {
      totalCount
    }
    s4: cases(first: 1, filter: $f4) {
      totalCount
    }
    s5: cases(first: 1, filter: $f5) {
      totalCount
    }
    s6: cases(first: 1, filter: $f6) {
      totalCount
    }
    s7: cases(first: 1, filter: $f7) {
      totalCount
    }
    s8: cases(first: 1, filter: $f8) {
      totalCount
    }
  }
`);
