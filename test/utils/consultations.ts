/** GraphQL operations of the consultation tests (issue 17 item 13). */
export const RECORD_CONSULTATION = /* GraphQL */ `
  mutation($i: RecordConsultationInput!) { recordConsultation(input: $i) {
    consultation { id topic outcome minutes visitorName visitorPhone occurredAt department { code } staff { name } orgUnit { id } case { id } }
    userErrors { field code message } } }`;
export const TURN_INTO_CASE = /* GraphQL */ `
  mutation($i: TurnConsultationIntoCaseInput!) { turnConsultationIntoCase(input: $i) {
    consultation { id outcome case { id number } } case { id status channel parties { role name } }
    userErrors { field code message } } }`;
