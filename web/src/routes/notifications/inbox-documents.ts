import { InboxDocument, MarkReadDocument } from '../../gql/graphql';

export const NOTIFICATIONS = InboxDocument;

export const MARK_READ = MarkReadDocument;
