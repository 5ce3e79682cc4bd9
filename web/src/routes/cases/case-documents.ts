import { graphql } from '../../gql';

export const CASE_PAGE = graphql(`
  query CasePage($id: ID!) {
    case(id: $id) {
      id
      number
      title
      description
      status
      warningLevel
      riskLevel
      channel
      location
      amountInvolved
      reportedAt
      resolution
      allowedActions
      category {
        id
        name
      }
      orgUnit {
        id
        name
      }
      reportedOrgUnit {
        id
        name
      }
      department {
        id
        name
      }
      assignees {
        isLead
        staff {
          id
          name
        }
      }
      parties {
        id
        role
        kind
        name
        idNumber
        phone
        address
        creditCode
        masked
      }
      possibleDuplicates {
        reasons
        case {
          id
          number
          title
        }
      }
      deadlines {
        id
        step
        status
        dueAt
        yellowAt
        redAt
        breached
        metAt
        paused
      }
      extensionRequests {
        id
        deadlineId
        status
        reason
        requestedDueAt
      }
      mediationSessions {
        id
        status
        startsAt
        endsAt
        place
        method
        outcome
        outcomeNote
        mediators {
          id
          name
        }
        departments {
          id
          name
        }
      }
      agreements {
        id
        terms
        amount
        signedAt
        confirmationStatus
      }
      referrals {
        id
        target
        targetName
        reason
        referredAt
        outcome
      }
      followUps {
        id
        status
        dueAt
        completedAt
        result
        satisfaction
        notes
        assignee {
          id
          name
        }
      }
      supervisionNotices {
        id
        message
        replyBy
        reply
        repliedAt
        late
        source
      }
      timeline(first: 100) {
        edges {
          node {
            id
            type
            occurredAt
            actorName
            actorSubject
            legalBasis
            data
          }
        }
      }
    }
  }
`);

export const REVEAL = graphql(`
  mutation RevealParty($input: RevealPartyInput!) {
    revealParty(input: $input) {
      party {
        partyId
        name
        idNumber
        phone
        address
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const PICKERS = graphql(`
  query ActionPickers($orgUnitId: ID!, $at: DateTimeISO) {
    staff(first: 100) {
      edges {
        node {
          id
          name
          roles
        }
      }
    }
    departments(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    mediators(first: 100, filter: { availableAt: $at }) {
      edges {
        node {
          id
          name
        }
      }
    }
    onDuty(orgUnitId: $orgUnitId, at: $at) {
      present {
        residency {
          department {
            id
            name
          }
        }
        staff {
          id
          name
        }
      }
    }
  }
`);
