import { graphql } from '../../gql';

export const BOARD_WARNINGS = graphql(`
  query BoardWarnings($orgUnitId: ID) {
    warningBoard(orgUnitId: $orgUnitId, first: 50) {
      entries {
        totalCount
        edges {
          node {
            nextDueAt
            case {
              id
              number
              title
              warningLevel
              allowedActions
              orgUnit {
                id
                name
              }
              reportedOrgUnit {
                id
                name
              }
            }
          }
        }
      }
      perUnit {
        orgUnit {
          id
          name
        }
        red
        yellow
      }
    }
  }
`);

const RATIO = graphql(`
  fragment BoardRatio on Ratio {
    numerator
    denominator
    rate
    lowConfidence
  }
`);
void RATIO;

export const BOARD_FIGURES = graphql(`
  query BoardFigures($orgUnitId: ID, $range: DateRangeInput!) {
    figures: caseMetrics(orgUnitId: $orgUnitId, range: $range) {
      reported
      sameDayAcceptance {
        ...BoardRatio
      }
      onSiteResolution {
        ...BoardRatio
      }
      resolution {
        ...BoardRatio
      }
      onTime {
        ...BoardRatio
      }
      backflow {
        ...BoardRatio
      }
      openByWarning {
        red
        yellow
        green
      }
    }
    byCategory: caseMetrics(orgUnitId: $orgUnitId, range: $range, groupBy: CATEGORY) {
      groups {
        key
        label
        reported
        open
      }
    }
    byChannel: caseMetrics(orgUnitId: $orgUnitId, range: $range, groupBy: CHANNEL) {
      groups {
        key
        label
        reported
        open
      }
    }
  }
`);

/** Seven days, one cohort each (the API has no per-day grouping): reported that day, and of those resolved. */
export const BOARD_TREND = graphql(`
  query BoardTrend(
    $orgUnitId: ID
    $d0: DateRangeInput!
    $d1: DateRangeInput!
    $d2: DateRangeInput!
    $d3: DateRangeInput!
    $d4: DateRangeInput!
    $d5: DateRangeInput!
    $d6: DateRangeInput!
  ) {
    d0: caseMetrics(orgUnitId: $orgUnitId, range: $d0) {
      ...BoardDay
    }
    d1: caseMetrics(orgUnitId: $orgUnitId, range: $d1) {
      ...BoardDay
    }
    d2: caseMetrics(orgUnitId: $orgUnitId, range: $d2) {
      ...BoardDay
    }
    d3: caseMetrics(orgUnitId: $orgUnitId, range: $d3) {
      ...BoardDay
    }
    d4: caseMetrics(orgUnitId: $orgUnitId, range: $d4) {
      ...BoardDay
    }
    d5: caseMetrics(orgUnitId: $orgUnitId, range: $d5) {
      ...BoardDay
    }
    d6: caseMetrics(orgUnitId: $orgUnitId, range: $d6) {
      ...BoardDay
    }
  }
  fragment BoardDay on CaseMetrics {
    from
    reported
    resolution {
      numerator
    }
  }
`);

export const BOARD_TOWNS = graphql(`
  query BoardTowns($range: DateRangeInput!) {
    tenant {
      id
      name
      level
    }
    childTenantMetrics(range: $range) {
      children {
        tenant {
          id
          name
        }
        metrics {
          reported
          sameDayAcceptance {
            ...BoardRatio
          }
          onSiteResolution {
            ...BoardRatio
          }
          resolution {
            ...BoardRatio
          }
          backflow {
            ...BoardRatio
          }
          openByWarning {
            red
            yellow
            green
          }
        }
      }
    }
  }
`);

export const BOARD_DUTY = graphql(`
  query BoardDuty($orgUnitId: ID!) {
    onDuty(orgUnitId: $orgUnitId) {
      present {
        ...BoardDuty
      }
      callable {
        ...BoardDuty
      }
    }
  }
  fragment BoardDuty on DutyEntry {
    residency {
      id
      mode
      department {
        id
        name
      }
    }
    shift {
      id
      startsAt
      endsAt
    }
    staff {
      id
      name
    }
  }
`);

export const BOARD_SUPERVISE = graphql(`
  mutation BoardSupervise($input: SuperviseCaseInput!) {
    superviseCase(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const BOARD_EVENTS = graphql(`
  subscription BoardLive($filter: BoardEventFilter) {
    boardEvents(filter: $filter) {
      caseId
      type
      warningLevel
      occurredAt
    }
  }
`);
