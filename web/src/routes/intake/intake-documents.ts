import { DuplicateCandidatesDocument, ReceiptCenterDocument, ReportCaseDocument } from '../../gql/graphql';

export const REPORT_CASE = ReportCaseDocument;

export const DUPLICATE_CANDIDATES = DuplicateCandidatesDocument;

export const RECEIPT_CENTER = ReceiptCenterDocument;
