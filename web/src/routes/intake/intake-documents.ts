import { graphql } from '../../gql';

export const REPORT_CASE = graphql(`
  mutation ReportCase($input: ReportCaseInput!) {
    reportCase(input: $input) {
      case {
        id
        number
        title
        reportedAt
        channel
        category {
          name
        }
        parties {
          role
          name
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DUPLICATE_CANDIDATES = graphql(`
  query DuplicateCandidates($input: DuplicateCheckInput!) {
    duplicateCandidates(input: $input) {
      reasons
      case {
        id
        number
        title
        status
        reportedAt
      }
    }
  }
`);

export const RECEIPT_CENTER = graphql(`
  query ReceiptCenter {
    tenant {
      id
      name
    }
  }
`);
