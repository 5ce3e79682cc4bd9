import { CaseInstalmentsDocument, RecordInstalmentPaymentDocument } from '../../gql/graphql';

export const CASE_INSTALMENTS = CaseInstalmentsDocument;
export const RECORD_PAYMENT = RecordInstalmentPaymentDocument;
