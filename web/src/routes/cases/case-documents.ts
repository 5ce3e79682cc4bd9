import { ActionPickersDocument, CasePageDocument, RevealPartyDocument } from '../../gql/graphql';

export const CASE_PAGE = CasePageDocument;

export const REVEAL = RevealPartyDocument;

export const PICKERS = ActionPickersDocument;
