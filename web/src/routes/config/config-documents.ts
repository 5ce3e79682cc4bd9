import { graphql } from '../../gql';

export const ORG_UNITS = graphql(`
  query ConfigOrgUnits {
    orgUnits(first: 100, filter: { includeArchived: true }) {
      edges {
        node {
          id
          name
          kind
          archived
          address
          phone
          parent {
            id
          }
        }
      }
    }
  }
`);

export const CREATE_ORG_UNIT = graphql(`
  mutation ConfigCreateOrgUnit($input: CreateOrgUnitInput!) {
    createOrgUnit(input: $input) {
      orgUnit {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const UPDATE_ORG_UNIT = graphql(`
  mutation ConfigUpdateOrgUnit($input: UpdateOrgUnitInput!) {
    updateOrgUnit(input: $input) {
      orgUnit {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const ARCHIVE_ORG_UNIT = graphql(`
  mutation ConfigArchiveOrgUnit($input: ArchiveOrgUnitInput!) {
    archiveOrgUnit(input: $input) {
      orgUnit {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DEPARTMENTS = graphql(`
  query ConfigDepartments {
    departments(first: 100) {
      edges {
        node {
          id
          code
          name
          kind
          archived
        }
      }
    }
    residencies(first: 100) {
      edges {
        node {
          id
          mode
          validFrom
          validTo
          department {
            id
            name
          }
          orgUnit {
            id
            name
          }
        }
      }
    }
  }
`);

export const CREATE_DEPARTMENT = graphql(`
  mutation ConfigCreateDepartment($input: CreateDepartmentInput!) {
    createDepartment(input: $input) {
      department {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const STATION_DEPARTMENT = graphql(`
  mutation ConfigStationDepartment($input: StationDepartmentInput!) {
    stationDepartment(input: $input) {
      residency {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const SHIFTS = graphql(`
  query ConfigShifts($from: DateTimeISO!, $to: DateTimeISO!, $filter: ResidencyFilter) {
    residencies(first: 3, filter: $filter) {
      edges {
        node {
          id
          mode
          department {
            id
            name
          }
          orgUnit {
            id
            name
          }
          shifts(from: $from, to: $to) {
            id
            startsAt
            endsAt
            staff {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const SET_SHIFTS = graphql(`
  mutation ConfigSetShifts($input: SetRotationShiftsInput!) {
    setRotationShifts(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const STAFF = graphql(`
  query ConfigStaff {
    staff(first: 100) {
      edges {
        node {
          id
          name
          roles
          active
          orgUnit {
            id
            name
          }
          department {
            id
            name
          }
          mediatorProfile {
            goldMedal
            languages
            maxConcurrentCases
            studioName
            specialties {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const CREATE_STAFF = graphql(`
  mutation ConfigCreateStaff($input: CreateStaffMemberInput!) {
    createStaffMember(input: $input) {
      staffMember {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const CATEGORIES = graphql(`
  query ConfigCategories {
    categories(first: 100, filter: { includeArchived: true }) {
      edges {
        node {
          id
          code
          name
          defaultRiskLevel
          archived
          parent {
            id
          }
        }
      }
    }
  }
`);

export const UPSERT_CATEGORY = graphql(`
  mutation ConfigUpsertCategory($input: UpsertCategoryInput!) {
    upsertCategory(input: $input) {
      category {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const ROUTING_RULES = graphql(`
  query ConfigRoutingRules {
    routingRules(first: 100) {
      edges {
        node {
          id
          name
          priority
          active
          riskLevel
          category {
            id
            name
          }
          orgUnit {
            id
            name
          }
          targetDepartment {
            id
            name
          }
          targetOrgUnit {
            id
            name
          }
        }
      }
    }
  }
`);

export const UPSERT_ROUTING_RULE = graphql(`
  mutation ConfigUpsertRoutingRule($input: UpsertRoutingRuleInput!) {
    upsertRoutingRule(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const SLA_POLICIES = graphql(`
  query ConfigSlaPolicies {
    slaPolicies(first: 100) {
      edges {
        node {
          id
          name
          riskLevel
          category {
            id
            name
          }
          targets {
            step
            mode
            duration
          }
          yellow {
            before
            share
          }
          red {
            before
            share
          }
        }
      }
    }
  }
`);

export const UPSERT_SLA_POLICY = graphql(`
  mutation ConfigUpsertSlaPolicy($input: UpsertSlaPolicyInput!) {
    upsertSlaPolicy(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const QUEUES = graphql(`
  query ConfigQueues {
    queueStatus(failures: 5) {
      name
      waiting
      active
      delayed
      failed
      paused
    }
  }
`);
