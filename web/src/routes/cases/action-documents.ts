import {
  AcceptCaseDocument,
  RecordJudicialConfirmationDocument,
  RecordReferralOutcomeDocument,
  AddCaseNoteDocument,
  AssignCaseDocument,
  CloseCaseDocument,
  CompleteFollowUpDocument,
  DecideDeadlineExtensionDocument,
  DispatchCaseDocument,
  EscalateCaseDocument,
  MarkCaseUnresolvedDocument,
  MergeCasesDocument,
  RecordMediationOutcomeDocument,
  ReferCaseDocument,
  RejectCaseDocument,
  ReopenCaseDocument,
  ReplySupervisionDocument,
  RequestDeadlineExtensionDocument,
  ResolveCaseDocument,
  ReturnCaseDocument,
  ScheduleFollowUpDocument,
  ScheduleMediationDocument,
  SuperviseCaseDocument,
  TakeBackCaseDocument,
} from '../../gql/graphql';

// One document per step the API offers; each returns its userErrors for the form beside the fields.
export const ACCEPT = AcceptCaseDocument;

export const REJECT_CASE = RejectCaseDocument;

export const RETURN_CASE = ReturnCaseDocument;

export const ESCALATE_CASE = EscalateCaseDocument;

export const MARK_CASE_UNRESOLVED = MarkCaseUnresolvedDocument;

export const TAKE_BACK_CASE = TakeBackCaseDocument;

export const REOPEN_CASE = ReopenCaseDocument;

export const DISPATCH_CASE = DispatchCaseDocument;

export const ASSIGN_CASE = AssignCaseDocument;

export const ADD_CASE_NOTE = AddCaseNoteDocument;

export const SCHEDULE_MEDIATION = ScheduleMediationDocument;

export const RECORD_MEDIATION_OUTCOME = RecordMediationOutcomeDocument;

export const RESOLVE_CASE = ResolveCaseDocument;

export const REFER_CASE = ReferCaseDocument;

export const SCHEDULE_FOLLOW_UP = ScheduleFollowUpDocument;

export const COMPLETE_FOLLOW_UP = CompleteFollowUpDocument;

export const CLOSE_CASE = CloseCaseDocument;

export const MERGE_CASES = MergeCasesDocument;

export const SUPERVISE_CASE = SuperviseCaseDocument;

export const REPLY_SUPERVISION = ReplySupervisionDocument;

export const REQUEST_DEADLINE_EXTENSION = RequestDeadlineExtensionDocument;

export const DECIDE_DEADLINE_EXTENSION = DecideDeadlineExtensionDocument;
export const RECORD_JUDICIAL_CONFIRMATION = RecordJudicialConfirmationDocument;
export const RECORD_REFERRAL_OUTCOME = RecordReferralOutcomeDocument;
