import { graphql } from '../../gql';

// One document per step the API offers; each returns its userErrors for the form beside the fields.
export const ACCEPT = graphql(`
  mutation AcceptCase($input: AcceptCaseInput!) {
    acceptCase(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const REJECT_CASE = graphql(`
  mutation RejectCase($input: CaseReasonInput!) {
    rejectCase(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const RETURN_CASE = graphql(`
  mutation ReturnCase($input: CaseReasonInput!) {
    returnCase(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const ESCALATE_CASE = graphql(`
  mutation EscalateCase($input: CaseReasonInput!) {
    escalateCase(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const MARK_CASE_UNRESOLVED = graphql(`
  mutation MarkCaseUnresolved($input: CaseReasonInput!) {
    markCaseUnresolved(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const TAKE_BACK_CASE = graphql(`
  mutation TakeBackCase($input: CaseReasonInput!) {
    takeBackCase(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const REOPEN_CASE = graphql(`
  mutation ReopenCase($input: CaseReasonInput!) {
    reopenCase(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DISPATCH_CASE = graphql(`
  mutation DispatchCase($input: DispatchCaseInput!) {
    dispatchCase(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const ASSIGN_CASE = graphql(`
  mutation AssignCase($input: AssignCaseInput!) {
    assignCase(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const ADD_CASE_NOTE = graphql(`
  mutation AddCaseNote($input: AddCaseNoteInput!) {
    addCaseNote(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const SCHEDULE_MEDIATION = graphql(`
  mutation ScheduleMediation($input: ScheduleMediationInput!) {
    scheduleMediation(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const RECORD_MEDIATION_OUTCOME = graphql(`
  mutation RecordMediationOutcome($input: RecordMediationOutcomeInput!) {
    recordMediationOutcome(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const RESOLVE_CASE = graphql(`
  mutation ResolveCase($input: ResolveCaseInput!) {
    resolveCase(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const REFER_CASE = graphql(`
  mutation ReferCase($input: ReferCaseInput!) {
    referCase(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const SCHEDULE_FOLLOW_UP = graphql(`
  mutation ScheduleFollowUp($input: ScheduleFollowUpInput!) {
    scheduleFollowUp(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const COMPLETE_FOLLOW_UP = graphql(`
  mutation CompleteFollowUp($input: CompleteFollowUpInput!) {
    completeFollowUp(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const CLOSE_CASE = graphql(`
  mutation CloseCase($input: CloseCaseInput!) {
    closeCase(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const MERGE_CASES = graphql(`
  mutation MergeCases($input: MergeCasesInput!) {
    mergeCases(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const SUPERVISE_CASE = graphql(`
  mutation SuperviseCase($input: SuperviseCaseInput!) {
    superviseCase(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const REPLY_SUPERVISION = graphql(`
  mutation ReplySupervision($input: ReplySupervisionInput!) {
    replySupervision(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const REQUEST_DEADLINE_EXTENSION = graphql(`
  mutation RequestDeadlineExtension($input: RequestDeadlineExtensionInput!) {
    requestDeadlineExtension(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const DECIDE_DEADLINE_EXTENSION = graphql(`
  mutation DecideDeadlineExtension($input: DecideDeadlineExtensionInput!) {
    decideDeadlineExtension(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`);
