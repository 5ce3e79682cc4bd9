import { graphql } from '../../gql';

export const NOTIFICATIONS = graphql(`
  query Inbox($unreadOnly: Boolean, $after: String) {
    notifications(first: 30, after: $after, filter: { unreadOnly: $unreadOnly }) {
      totalCount
      edges {
        node {
          id
          title
          type
          level
          urgent
          createdAt
          readAt
          case {
            id
            number
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const MARK_READ = graphql(`
  mutation MarkRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      markedCount
      unreadCount
      userErrors {
        field
        message
      }
    }
  }
`);
