/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  query Me {\n    me {\n      subject\n      username\n      roles\n      currentTenant {\n        id\n        code\n        name\n      }\n      tenants {\n        id\n        code\n        name\n      }\n      staffMember {\n        id\n        name\n        orgUnit {\n          id\n          name\n        }\n      }\n    }\n  }\n': typeof types.MeDocument;
  '\n  query UnreadCount {\n    notifications(first: 1, filter: { unreadOnly: true }) {\n      totalCount\n    }\n  }\n': typeof types.UnreadCountDocument;
  '\n  subscription CaseChanges {\n    boardEvents {\n      caseId\n      status\n      warningLevel\n      occurredAt\n    }\n  }\n': typeof types.CaseChangesDocument;
  '\n  query CategoryTree {\n    categories(first: 100) {\n      edges {\n        node {\n          id\n          name\n          defaultRiskLevel\n          parent {\n            id\n          }\n        }\n      }\n    }\n  }\n': typeof types.CategoryTreeDocument;
  '\n  query UnitTree {\n    orgUnits(first: 100) {\n      edges {\n        node {\n          id\n          name\n          parent {\n            id\n          }\n        }\n      }\n    }\n  }\n': typeof types.UnitTreeDocument;
  '\n  query CaseDesk($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          number\n          title\n          status\n          warningLevel\n          riskLevel\n          reportedAt\n          category {\n            id\n            name\n          }\n          orgUnit {\n            id\n            name\n          }\n          deadlines {\n            id\n            status\n            dueAt\n            step\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.CaseDeskDocument;
  '\n  mutation AcceptCase($input: AcceptCaseInput!) {\n    acceptCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.AcceptCaseDocument;
  '\n  mutation RejectCase($input: CaseReasonInput!) {\n    rejectCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.RejectCaseDocument;
  '\n  mutation ReturnCase($input: CaseReasonInput!) {\n    returnCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.ReturnCaseDocument;
  '\n  mutation EscalateCase($input: CaseReasonInput!) {\n    escalateCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.EscalateCaseDocument;
  '\n  mutation MarkCaseUnresolved($input: CaseReasonInput!) {\n    markCaseUnresolved(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.MarkCaseUnresolvedDocument;
  '\n  mutation TakeBackCase($input: CaseReasonInput!) {\n    takeBackCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.TakeBackCaseDocument;
  '\n  mutation ReopenCase($input: CaseReasonInput!) {\n    reopenCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.ReopenCaseDocument;
  '\n  mutation DispatchCase($input: DispatchCaseInput!) {\n    dispatchCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.DispatchCaseDocument;
  '\n  mutation AssignCase($input: AssignCaseInput!) {\n    assignCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.AssignCaseDocument;
  '\n  mutation AddCaseNote($input: AddCaseNoteInput!) {\n    addCaseNote(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.AddCaseNoteDocument;
  '\n  mutation ScheduleMediation($input: ScheduleMediationInput!) {\n    scheduleMediation(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.ScheduleMediationDocument;
  '\n  mutation RecordMediationOutcome($input: RecordMediationOutcomeInput!) {\n    recordMediationOutcome(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.RecordMediationOutcomeDocument;
  '\n  mutation ResolveCase($input: ResolveCaseInput!) {\n    resolveCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.ResolveCaseDocument;
  '\n  mutation ReferCase($input: ReferCaseInput!) {\n    referCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.ReferCaseDocument;
  '\n  mutation ScheduleFollowUp($input: ScheduleFollowUpInput!) {\n    scheduleFollowUp(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.ScheduleFollowUpDocument;
  '\n  mutation CompleteFollowUp($input: CompleteFollowUpInput!) {\n    completeFollowUp(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.CompleteFollowUpDocument;
  '\n  mutation CloseCase($input: CloseCaseInput!) {\n    closeCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.CloseCaseDocument;
  '\n  mutation MergeCases($input: MergeCasesInput!) {\n    mergeCases(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.MergeCasesDocument;
  '\n  mutation SuperviseCase($input: SuperviseCaseInput!) {\n    superviseCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.SuperviseCaseDocument;
  '\n  mutation ReplySupervision($input: ReplySupervisionInput!) {\n    replySupervision(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.ReplySupervisionDocument;
  '\n  mutation RequestDeadlineExtension($input: RequestDeadlineExtensionInput!) {\n    requestDeadlineExtension(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.RequestDeadlineExtensionDocument;
  '\n  mutation DecideDeadlineExtension($input: DecideDeadlineExtensionInput!) {\n    decideDeadlineExtension(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.DecideDeadlineExtensionDocument;
  '\n  query CasePage($id: ID!) {\n    case(id: $id) {\n      id\n      number\n      title\n      description\n      status\n      warningLevel\n      riskLevel\n      channel\n      location\n      amountInvolved\n      reportedAt\n      resolution\n      allowedActions\n      category {\n        id\n        name\n      }\n      orgUnit {\n        id\n        name\n      }\n      reportedOrgUnit {\n        id\n        name\n      }\n      department {\n        id\n        name\n      }\n      assignees {\n        isLead\n        staff {\n          id\n          name\n        }\n      }\n      parties {\n        id\n        role\n        kind\n        name\n        idNumber\n        phone\n        address\n        creditCode\n        masked\n      }\n      possibleDuplicates {\n        reasons\n        case {\n          id\n          number\n          title\n        }\n      }\n      deadlines {\n        id\n        step\n        status\n        dueAt\n        yellowAt\n        redAt\n        breached\n        metAt\n        paused\n      }\n      extensionRequests {\n        id\n        deadlineId\n        status\n        reason\n        requestedDueAt\n      }\n      mediationSessions {\n        id\n        status\n        startsAt\n        endsAt\n        place\n        method\n        outcome\n        outcomeNote\n        mediators {\n          id\n          name\n        }\n        departments {\n          id\n          name\n        }\n      }\n      agreements {\n        id\n        terms\n        amount\n        signedAt\n        confirmationStatus\n      }\n      referrals {\n        id\n        target\n        targetName\n        reason\n        referredAt\n        outcome\n      }\n      followUps {\n        id\n        status\n        dueAt\n        completedAt\n        result\n        satisfaction\n        notes\n        assignee {\n          id\n          name\n        }\n      }\n      supervisionNotices {\n        id\n        message\n        replyBy\n        reply\n        repliedAt\n        late\n        source\n      }\n      timeline(first: 100) {\n        edges {\n          node {\n            id\n            type\n            occurredAt\n            actorName\n            actorSubject\n            legalBasis\n            data\n          }\n        }\n      }\n    }\n  }\n': typeof types.CasePageDocument;
  '\n  mutation RevealParty($input: RevealPartyInput!) {\n    revealParty(input: $input) {\n      party {\n        partyId\n        name\n        idNumber\n        phone\n        address\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.RevealPartyDocument;
  '\n  query ActionPickers($orgUnitId: ID!, $at: DateTimeISO) {\n    staff(first: 100) {\n      edges {\n        node {\n          id\n          name\n          roles\n        }\n      }\n    }\n    departments(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    mediators(first: 100, filter: { availableAt: $at }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    onDuty(orgUnitId: $orgUnitId, at: $at) {\n      present {\n        residency {\n          department {\n            id\n            name\n          }\n        }\n        staff {\n          id\n          name\n        }\n      }\n    }\n  }\n': typeof types.ActionPickersDocument;
  '\n  query StatusCounts($f0: CaseFilter!, $f1: CaseFilter!, $f2: CaseFilter!, $f3: CaseFilter!, $f4: CaseFilter!, $f5: CaseFilter!, $f6: CaseFilter!, $f7: CaseFilter!, $f8: CaseFilter!) {\n    s0: cases(first: 1, filter: $f0) {\n      totalCount\n    }\n    s1: cases(first: 1, filter: $f1) {\n      totalCount\n    }\n    s2: cases(first: 1, filter: $f2) {\n      totalCount\n    }\n    s3: cases(first: 1, filter: $f3) {\n      totalCount\n    }\n    s4: cases(first: 1, filter: $f4) {\n      totalCount\n    }\n    s5: cases(first: 1, filter: $f5) {\n      totalCount\n    }\n    s6: cases(first: 1, filter: $f6) {\n      totalCount\n    }\n    s7: cases(first: 1, filter: $f7) {\n      totalCount\n    }\n    s8: cases(first: 1, filter: $f8) {\n      totalCount\n    }\n  }\n': typeof types.StatusCountsDocument;
  '\n  mutation ReportCase($input: ReportCaseInput!) {\n    reportCase(input: $input) {\n      case {\n        id\n        number\n        title\n        reportedAt\n        channel\n        category {\n          name\n        }\n        parties {\n          role\n          name\n        }\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n': typeof types.ReportCaseDocument;
  '\n  query DuplicateCandidates($input: DuplicateCheckInput!) {\n    duplicateCandidates(input: $input) {\n      reasons\n      case {\n        id\n        number\n        title\n        status\n        reportedAt\n      }\n    }\n  }\n': typeof types.DuplicateCandidatesDocument;
  '\n  query ReceiptCenter {\n    tenant {\n      id\n      name\n    }\n  }\n': typeof types.ReceiptCenterDocument;
  '\n  query Inbox($unreadOnly: Boolean, $after: String) {\n    notifications(first: 30, after: $after, filter: { unreadOnly: $unreadOnly }) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          type\n          level\n          urgent\n          createdAt\n          readAt\n          case {\n            id\n            number\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.InboxDocument;
  '\n  mutation MarkRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      markedCount\n      unreadCount\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n': typeof types.MarkReadDocument;
};
const documents: Documents = {
  '\n  query Me {\n    me {\n      subject\n      username\n      roles\n      currentTenant {\n        id\n        code\n        name\n      }\n      tenants {\n        id\n        code\n        name\n      }\n      staffMember {\n        id\n        name\n        orgUnit {\n          id\n          name\n        }\n      }\n    }\n  }\n':
    types.MeDocument,
  '\n  query UnreadCount {\n    notifications(first: 1, filter: { unreadOnly: true }) {\n      totalCount\n    }\n  }\n':
    types.UnreadCountDocument,
  '\n  subscription CaseChanges {\n    boardEvents {\n      caseId\n      status\n      warningLevel\n      occurredAt\n    }\n  }\n':
    types.CaseChangesDocument,
  '\n  query CategoryTree {\n    categories(first: 100) {\n      edges {\n        node {\n          id\n          name\n          defaultRiskLevel\n          parent {\n            id\n          }\n        }\n      }\n    }\n  }\n':
    types.CategoryTreeDocument,
  '\n  query UnitTree {\n    orgUnits(first: 100) {\n      edges {\n        node {\n          id\n          name\n          parent {\n            id\n          }\n        }\n      }\n    }\n  }\n':
    types.UnitTreeDocument,
  '\n  query CaseDesk($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          number\n          title\n          status\n          warningLevel\n          riskLevel\n          reportedAt\n          category {\n            id\n            name\n          }\n          orgUnit {\n            id\n            name\n          }\n          deadlines {\n            id\n            status\n            dueAt\n            step\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.CaseDeskDocument,
  '\n  mutation AcceptCase($input: AcceptCaseInput!) {\n    acceptCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.AcceptCaseDocument,
  '\n  mutation RejectCase($input: CaseReasonInput!) {\n    rejectCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.RejectCaseDocument,
  '\n  mutation ReturnCase($input: CaseReasonInput!) {\n    returnCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.ReturnCaseDocument,
  '\n  mutation EscalateCase($input: CaseReasonInput!) {\n    escalateCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.EscalateCaseDocument,
  '\n  mutation MarkCaseUnresolved($input: CaseReasonInput!) {\n    markCaseUnresolved(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.MarkCaseUnresolvedDocument,
  '\n  mutation TakeBackCase($input: CaseReasonInput!) {\n    takeBackCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.TakeBackCaseDocument,
  '\n  mutation ReopenCase($input: CaseReasonInput!) {\n    reopenCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.ReopenCaseDocument,
  '\n  mutation DispatchCase($input: DispatchCaseInput!) {\n    dispatchCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.DispatchCaseDocument,
  '\n  mutation AssignCase($input: AssignCaseInput!) {\n    assignCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.AssignCaseDocument,
  '\n  mutation AddCaseNote($input: AddCaseNoteInput!) {\n    addCaseNote(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.AddCaseNoteDocument,
  '\n  mutation ScheduleMediation($input: ScheduleMediationInput!) {\n    scheduleMediation(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.ScheduleMediationDocument,
  '\n  mutation RecordMediationOutcome($input: RecordMediationOutcomeInput!) {\n    recordMediationOutcome(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.RecordMediationOutcomeDocument,
  '\n  mutation ResolveCase($input: ResolveCaseInput!) {\n    resolveCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.ResolveCaseDocument,
  '\n  mutation ReferCase($input: ReferCaseInput!) {\n    referCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.ReferCaseDocument,
  '\n  mutation ScheduleFollowUp($input: ScheduleFollowUpInput!) {\n    scheduleFollowUp(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.ScheduleFollowUpDocument,
  '\n  mutation CompleteFollowUp($input: CompleteFollowUpInput!) {\n    completeFollowUp(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.CompleteFollowUpDocument,
  '\n  mutation CloseCase($input: CloseCaseInput!) {\n    closeCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.CloseCaseDocument,
  '\n  mutation MergeCases($input: MergeCasesInput!) {\n    mergeCases(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.MergeCasesDocument,
  '\n  mutation SuperviseCase($input: SuperviseCaseInput!) {\n    superviseCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.SuperviseCaseDocument,
  '\n  mutation ReplySupervision($input: ReplySupervisionInput!) {\n    replySupervision(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.ReplySupervisionDocument,
  '\n  mutation RequestDeadlineExtension($input: RequestDeadlineExtensionInput!) {\n    requestDeadlineExtension(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.RequestDeadlineExtensionDocument,
  '\n  mutation DecideDeadlineExtension($input: DecideDeadlineExtensionInput!) {\n    decideDeadlineExtension(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.DecideDeadlineExtensionDocument,
  '\n  query CasePage($id: ID!) {\n    case(id: $id) {\n      id\n      number\n      title\n      description\n      status\n      warningLevel\n      riskLevel\n      channel\n      location\n      amountInvolved\n      reportedAt\n      resolution\n      allowedActions\n      category {\n        id\n        name\n      }\n      orgUnit {\n        id\n        name\n      }\n      reportedOrgUnit {\n        id\n        name\n      }\n      department {\n        id\n        name\n      }\n      assignees {\n        isLead\n        staff {\n          id\n          name\n        }\n      }\n      parties {\n        id\n        role\n        kind\n        name\n        idNumber\n        phone\n        address\n        creditCode\n        masked\n      }\n      possibleDuplicates {\n        reasons\n        case {\n          id\n          number\n          title\n        }\n      }\n      deadlines {\n        id\n        step\n        status\n        dueAt\n        yellowAt\n        redAt\n        breached\n        metAt\n        paused\n      }\n      extensionRequests {\n        id\n        deadlineId\n        status\n        reason\n        requestedDueAt\n      }\n      mediationSessions {\n        id\n        status\n        startsAt\n        endsAt\n        place\n        method\n        outcome\n        outcomeNote\n        mediators {\n          id\n          name\n        }\n        departments {\n          id\n          name\n        }\n      }\n      agreements {\n        id\n        terms\n        amount\n        signedAt\n        confirmationStatus\n      }\n      referrals {\n        id\n        target\n        targetName\n        reason\n        referredAt\n        outcome\n      }\n      followUps {\n        id\n        status\n        dueAt\n        completedAt\n        result\n        satisfaction\n        notes\n        assignee {\n          id\n          name\n        }\n      }\n      supervisionNotices {\n        id\n        message\n        replyBy\n        reply\n        repliedAt\n        late\n        source\n      }\n      timeline(first: 100) {\n        edges {\n          node {\n            id\n            type\n            occurredAt\n            actorName\n            actorSubject\n            legalBasis\n            data\n          }\n        }\n      }\n    }\n  }\n':
    types.CasePageDocument,
  '\n  mutation RevealParty($input: RevealPartyInput!) {\n    revealParty(input: $input) {\n      party {\n        partyId\n        name\n        idNumber\n        phone\n        address\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.RevealPartyDocument,
  '\n  query ActionPickers($orgUnitId: ID!, $at: DateTimeISO) {\n    staff(first: 100) {\n      edges {\n        node {\n          id\n          name\n          roles\n        }\n      }\n    }\n    departments(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    mediators(first: 100, filter: { availableAt: $at }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    onDuty(orgUnitId: $orgUnitId, at: $at) {\n      present {\n        residency {\n          department {\n            id\n            name\n          }\n        }\n        staff {\n          id\n          name\n        }\n      }\n    }\n  }\n':
    types.ActionPickersDocument,
  '\n  query StatusCounts($f0: CaseFilter!, $f1: CaseFilter!, $f2: CaseFilter!, $f3: CaseFilter!, $f4: CaseFilter!, $f5: CaseFilter!, $f6: CaseFilter!, $f7: CaseFilter!, $f8: CaseFilter!) {\n    s0: cases(first: 1, filter: $f0) {\n      totalCount\n    }\n    s1: cases(first: 1, filter: $f1) {\n      totalCount\n    }\n    s2: cases(first: 1, filter: $f2) {\n      totalCount\n    }\n    s3: cases(first: 1, filter: $f3) {\n      totalCount\n    }\n    s4: cases(first: 1, filter: $f4) {\n      totalCount\n    }\n    s5: cases(first: 1, filter: $f5) {\n      totalCount\n    }\n    s6: cases(first: 1, filter: $f6) {\n      totalCount\n    }\n    s7: cases(first: 1, filter: $f7) {\n      totalCount\n    }\n    s8: cases(first: 1, filter: $f8) {\n      totalCount\n    }\n  }\n':
    types.StatusCountsDocument,
  '\n  mutation ReportCase($input: ReportCaseInput!) {\n    reportCase(input: $input) {\n      case {\n        id\n        number\n        title\n        reportedAt\n        channel\n        category {\n          name\n        }\n        parties {\n          role\n          name\n        }\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n':
    types.ReportCaseDocument,
  '\n  query DuplicateCandidates($input: DuplicateCheckInput!) {\n    duplicateCandidates(input: $input) {\n      reasons\n      case {\n        id\n        number\n        title\n        status\n        reportedAt\n      }\n    }\n  }\n':
    types.DuplicateCandidatesDocument,
  '\n  query ReceiptCenter {\n    tenant {\n      id\n      name\n    }\n  }\n': types.ReceiptCenterDocument,
  '\n  query Inbox($unreadOnly: Boolean, $after: String) {\n    notifications(first: 30, after: $after, filter: { unreadOnly: $unreadOnly }) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          type\n          level\n          urgent\n          createdAt\n          readAt\n          case {\n            id\n            number\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.InboxDocument,
  '\n  mutation MarkRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      markedCount\n      unreadCount\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n':
    types.MarkReadDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Me {\n    me {\n      subject\n      username\n      roles\n      currentTenant {\n        id\n        code\n        name\n      }\n      tenants {\n        id\n        code\n        name\n      }\n      staffMember {\n        id\n        name\n        orgUnit {\n          id\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Me {\n    me {\n      subject\n      username\n      roles\n      currentTenant {\n        id\n        code\n        name\n      }\n      tenants {\n        id\n        code\n        name\n      }\n      staffMember {\n        id\n        name\n        orgUnit {\n          id\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UnreadCount {\n    notifications(first: 1, filter: { unreadOnly: true }) {\n      totalCount\n    }\n  }\n',
): (typeof documents)['\n  query UnreadCount {\n    notifications(first: 1, filter: { unreadOnly: true }) {\n      totalCount\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription CaseChanges {\n    boardEvents {\n      caseId\n      status\n      warningLevel\n      occurredAt\n    }\n  }\n',
): (typeof documents)['\n  subscription CaseChanges {\n    boardEvents {\n      caseId\n      status\n      warningLevel\n      occurredAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CategoryTree {\n    categories(first: 100) {\n      edges {\n        node {\n          id\n          name\n          defaultRiskLevel\n          parent {\n            id\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CategoryTree {\n    categories(first: 100) {\n      edges {\n        node {\n          id\n          name\n          defaultRiskLevel\n          parent {\n            id\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UnitTree {\n    orgUnits(first: 100) {\n      edges {\n        node {\n          id\n          name\n          parent {\n            id\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query UnitTree {\n    orgUnits(first: 100) {\n      edges {\n        node {\n          id\n          name\n          parent {\n            id\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CaseDesk($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          number\n          title\n          status\n          warningLevel\n          riskLevel\n          reportedAt\n          category {\n            id\n            name\n          }\n          orgUnit {\n            id\n            name\n          }\n          deadlines {\n            id\n            status\n            dueAt\n            step\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CaseDesk($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          number\n          title\n          status\n          warningLevel\n          riskLevel\n          reportedAt\n          category {\n            id\n            name\n          }\n          orgUnit {\n            id\n            name\n          }\n          deadlines {\n            id\n            status\n            dueAt\n            step\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AcceptCase($input: AcceptCaseInput!) {\n    acceptCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation AcceptCase($input: AcceptCaseInput!) {\n    acceptCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RejectCase($input: CaseReasonInput!) {\n    rejectCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RejectCase($input: CaseReasonInput!) {\n    rejectCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReturnCase($input: CaseReasonInput!) {\n    returnCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ReturnCase($input: CaseReasonInput!) {\n    returnCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation EscalateCase($input: CaseReasonInput!) {\n    escalateCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation EscalateCase($input: CaseReasonInput!) {\n    escalateCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation MarkCaseUnresolved($input: CaseReasonInput!) {\n    markCaseUnresolved(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation MarkCaseUnresolved($input: CaseReasonInput!) {\n    markCaseUnresolved(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation TakeBackCase($input: CaseReasonInput!) {\n    takeBackCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation TakeBackCase($input: CaseReasonInput!) {\n    takeBackCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReopenCase($input: CaseReasonInput!) {\n    reopenCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ReopenCase($input: CaseReasonInput!) {\n    reopenCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DispatchCase($input: DispatchCaseInput!) {\n    dispatchCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation DispatchCase($input: DispatchCaseInput!) {\n    dispatchCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AssignCase($input: AssignCaseInput!) {\n    assignCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation AssignCase($input: AssignCaseInput!) {\n    assignCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AddCaseNote($input: AddCaseNoteInput!) {\n    addCaseNote(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation AddCaseNote($input: AddCaseNoteInput!) {\n    addCaseNote(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ScheduleMediation($input: ScheduleMediationInput!) {\n    scheduleMediation(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ScheduleMediation($input: ScheduleMediationInput!) {\n    scheduleMediation(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RecordMediationOutcome($input: RecordMediationOutcomeInput!) {\n    recordMediationOutcome(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RecordMediationOutcome($input: RecordMediationOutcomeInput!) {\n    recordMediationOutcome(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResolveCase($input: ResolveCaseInput!) {\n    resolveCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ResolveCase($input: ResolveCaseInput!) {\n    resolveCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReferCase($input: ReferCaseInput!) {\n    referCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ReferCase($input: ReferCaseInput!) {\n    referCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ScheduleFollowUp($input: ScheduleFollowUpInput!) {\n    scheduleFollowUp(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ScheduleFollowUp($input: ScheduleFollowUpInput!) {\n    scheduleFollowUp(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CompleteFollowUp($input: CompleteFollowUpInput!) {\n    completeFollowUp(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CompleteFollowUp($input: CompleteFollowUpInput!) {\n    completeFollowUp(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CloseCase($input: CloseCaseInput!) {\n    closeCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CloseCase($input: CloseCaseInput!) {\n    closeCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation MergeCases($input: MergeCasesInput!) {\n    mergeCases(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation MergeCases($input: MergeCasesInput!) {\n    mergeCases(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SuperviseCase($input: SuperviseCaseInput!) {\n    superviseCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SuperviseCase($input: SuperviseCaseInput!) {\n    superviseCase(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReplySupervision($input: ReplySupervisionInput!) {\n    replySupervision(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ReplySupervision($input: ReplySupervisionInput!) {\n    replySupervision(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RequestDeadlineExtension($input: RequestDeadlineExtensionInput!) {\n    requestDeadlineExtension(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RequestDeadlineExtension($input: RequestDeadlineExtensionInput!) {\n    requestDeadlineExtension(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DecideDeadlineExtension($input: DecideDeadlineExtensionInput!) {\n    decideDeadlineExtension(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation DecideDeadlineExtension($input: DecideDeadlineExtensionInput!) {\n    decideDeadlineExtension(input: $input) {\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CasePage($id: ID!) {\n    case(id: $id) {\n      id\n      number\n      title\n      description\n      status\n      warningLevel\n      riskLevel\n      channel\n      location\n      amountInvolved\n      reportedAt\n      resolution\n      allowedActions\n      category {\n        id\n        name\n      }\n      orgUnit {\n        id\n        name\n      }\n      reportedOrgUnit {\n        id\n        name\n      }\n      department {\n        id\n        name\n      }\n      assignees {\n        isLead\n        staff {\n          id\n          name\n        }\n      }\n      parties {\n        id\n        role\n        kind\n        name\n        idNumber\n        phone\n        address\n        creditCode\n        masked\n      }\n      possibleDuplicates {\n        reasons\n        case {\n          id\n          number\n          title\n        }\n      }\n      deadlines {\n        id\n        step\n        status\n        dueAt\n        yellowAt\n        redAt\n        breached\n        metAt\n        paused\n      }\n      extensionRequests {\n        id\n        deadlineId\n        status\n        reason\n        requestedDueAt\n      }\n      mediationSessions {\n        id\n        status\n        startsAt\n        endsAt\n        place\n        method\n        outcome\n        outcomeNote\n        mediators {\n          id\n          name\n        }\n        departments {\n          id\n          name\n        }\n      }\n      agreements {\n        id\n        terms\n        amount\n        signedAt\n        confirmationStatus\n      }\n      referrals {\n        id\n        target\n        targetName\n        reason\n        referredAt\n        outcome\n      }\n      followUps {\n        id\n        status\n        dueAt\n        completedAt\n        result\n        satisfaction\n        notes\n        assignee {\n          id\n          name\n        }\n      }\n      supervisionNotices {\n        id\n        message\n        replyBy\n        reply\n        repliedAt\n        late\n        source\n      }\n      timeline(first: 100) {\n        edges {\n          node {\n            id\n            type\n            occurredAt\n            actorName\n            actorSubject\n            legalBasis\n            data\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CasePage($id: ID!) {\n    case(id: $id) {\n      id\n      number\n      title\n      description\n      status\n      warningLevel\n      riskLevel\n      channel\n      location\n      amountInvolved\n      reportedAt\n      resolution\n      allowedActions\n      category {\n        id\n        name\n      }\n      orgUnit {\n        id\n        name\n      }\n      reportedOrgUnit {\n        id\n        name\n      }\n      department {\n        id\n        name\n      }\n      assignees {\n        isLead\n        staff {\n          id\n          name\n        }\n      }\n      parties {\n        id\n        role\n        kind\n        name\n        idNumber\n        phone\n        address\n        creditCode\n        masked\n      }\n      possibleDuplicates {\n        reasons\n        case {\n          id\n          number\n          title\n        }\n      }\n      deadlines {\n        id\n        step\n        status\n        dueAt\n        yellowAt\n        redAt\n        breached\n        metAt\n        paused\n      }\n      extensionRequests {\n        id\n        deadlineId\n        status\n        reason\n        requestedDueAt\n      }\n      mediationSessions {\n        id\n        status\n        startsAt\n        endsAt\n        place\n        method\n        outcome\n        outcomeNote\n        mediators {\n          id\n          name\n        }\n        departments {\n          id\n          name\n        }\n      }\n      agreements {\n        id\n        terms\n        amount\n        signedAt\n        confirmationStatus\n      }\n      referrals {\n        id\n        target\n        targetName\n        reason\n        referredAt\n        outcome\n      }\n      followUps {\n        id\n        status\n        dueAt\n        completedAt\n        result\n        satisfaction\n        notes\n        assignee {\n          id\n          name\n        }\n      }\n      supervisionNotices {\n        id\n        message\n        replyBy\n        reply\n        repliedAt\n        late\n        source\n      }\n      timeline(first: 100) {\n        edges {\n          node {\n            id\n            type\n            occurredAt\n            actorName\n            actorSubject\n            legalBasis\n            data\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevealParty($input: RevealPartyInput!) {\n    revealParty(input: $input) {\n      party {\n        partyId\n        name\n        idNumber\n        phone\n        address\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RevealParty($input: RevealPartyInput!) {\n    revealParty(input: $input) {\n      party {\n        partyId\n        name\n        idNumber\n        phone\n        address\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ActionPickers($orgUnitId: ID!, $at: DateTimeISO) {\n    staff(first: 100) {\n      edges {\n        node {\n          id\n          name\n          roles\n        }\n      }\n    }\n    departments(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    mediators(first: 100, filter: { availableAt: $at }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    onDuty(orgUnitId: $orgUnitId, at: $at) {\n      present {\n        residency {\n          department {\n            id\n            name\n          }\n        }\n        staff {\n          id\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ActionPickers($orgUnitId: ID!, $at: DateTimeISO) {\n    staff(first: 100) {\n      edges {\n        node {\n          id\n          name\n          roles\n        }\n      }\n    }\n    departments(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    mediators(first: 100, filter: { availableAt: $at }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    onDuty(orgUnitId: $orgUnitId, at: $at) {\n      present {\n        residency {\n          department {\n            id\n            name\n          }\n        }\n        staff {\n          id\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StatusCounts($f0: CaseFilter!, $f1: CaseFilter!, $f2: CaseFilter!, $f3: CaseFilter!, $f4: CaseFilter!, $f5: CaseFilter!, $f6: CaseFilter!, $f7: CaseFilter!, $f8: CaseFilter!) {\n    s0: cases(first: 1, filter: $f0) {\n      totalCount\n    }\n    s1: cases(first: 1, filter: $f1) {\n      totalCount\n    }\n    s2: cases(first: 1, filter: $f2) {\n      totalCount\n    }\n    s3: cases(first: 1, filter: $f3) {\n      totalCount\n    }\n    s4: cases(first: 1, filter: $f4) {\n      totalCount\n    }\n    s5: cases(first: 1, filter: $f5) {\n      totalCount\n    }\n    s6: cases(first: 1, filter: $f6) {\n      totalCount\n    }\n    s7: cases(first: 1, filter: $f7) {\n      totalCount\n    }\n    s8: cases(first: 1, filter: $f8) {\n      totalCount\n    }\n  }\n',
): (typeof documents)['\n  query StatusCounts($f0: CaseFilter!, $f1: CaseFilter!, $f2: CaseFilter!, $f3: CaseFilter!, $f4: CaseFilter!, $f5: CaseFilter!, $f6: CaseFilter!, $f7: CaseFilter!, $f8: CaseFilter!) {\n    s0: cases(first: 1, filter: $f0) {\n      totalCount\n    }\n    s1: cases(first: 1, filter: $f1) {\n      totalCount\n    }\n    s2: cases(first: 1, filter: $f2) {\n      totalCount\n    }\n    s3: cases(first: 1, filter: $f3) {\n      totalCount\n    }\n    s4: cases(first: 1, filter: $f4) {\n      totalCount\n    }\n    s5: cases(first: 1, filter: $f5) {\n      totalCount\n    }\n    s6: cases(first: 1, filter: $f6) {\n      totalCount\n    }\n    s7: cases(first: 1, filter: $f7) {\n      totalCount\n    }\n    s8: cases(first: 1, filter: $f8) {\n      totalCount\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReportCase($input: ReportCaseInput!) {\n    reportCase(input: $input) {\n      case {\n        id\n        number\n        title\n        reportedAt\n        channel\n        category {\n          name\n        }\n        parties {\n          role\n          name\n        }\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ReportCase($input: ReportCaseInput!) {\n    reportCase(input: $input) {\n      case {\n        id\n        number\n        title\n        reportedAt\n        channel\n        category {\n          name\n        }\n        parties {\n          role\n          name\n        }\n      }\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query DuplicateCandidates($input: DuplicateCheckInput!) {\n    duplicateCandidates(input: $input) {\n      reasons\n      case {\n        id\n        number\n        title\n        status\n        reportedAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  query DuplicateCandidates($input: DuplicateCheckInput!) {\n    duplicateCandidates(input: $input) {\n      reasons\n      case {\n        id\n        number\n        title\n        status\n        reportedAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ReceiptCenter {\n    tenant {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  query ReceiptCenter {\n    tenant {\n      id\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Inbox($unreadOnly: Boolean, $after: String) {\n    notifications(first: 30, after: $after, filter: { unreadOnly: $unreadOnly }) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          type\n          level\n          urgent\n          createdAt\n          readAt\n          case {\n            id\n            number\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Inbox($unreadOnly: Boolean, $after: String) {\n    notifications(first: 30, after: $after, filter: { unreadOnly: $unreadOnly }) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          type\n          level\n          urgent\n          createdAt\n          readAt\n          case {\n            id\n            number\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation MarkRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      markedCount\n      unreadCount\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation MarkRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      markedCount\n      unreadCount\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
