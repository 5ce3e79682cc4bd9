import type { GqlResponse, Harness } from './harness';

/** GraphQL operations and helpers for residents' own sessions (docs/resident.md). */
export const RESIDENT_CASE_FIELDS = /* GraphQL */ `id number status statusText nextStep nextStepDue whatHappened location
  unitName departmentName canRequestMediation canRate rating ratingComment agreementAmount
  sessions { startsAt endsAt place online method status mediatorNames }
  instalments { dueOn amount }
  mediationRequests { id status statusText mediatorName startsAt proposedStartsAt staffMessage }`;

export const REQUEST_CODE = /* GraphQL */ `
  mutation($i: ResidentRequestCodeInput!) { residentRequestCode(input: $i) { sentTo expiresInSeconds userErrors { field code message } } }`;
export const VERIFY = /* GraphQL */ `
  mutation($i: ResidentVerifyInput!) { residentVerify(input: $i) { token expiresAt userErrors { field code message } } }`;
export const REPORT = /* GraphQL */ `
  mutation($i: ResidentReportCaseInput!) { residentReportCase(input: $i) { caseNumber reportedAt case { ${RESIDENT_CASE_FIELDS} } userErrors { field code message } } }`;
export const MY_CASES = /* GraphQL */ `{ residentCases { ${RESIDENT_CASE_FIELDS} } }`;
export const MY_CASE = /* GraphQL */ `query($n: String!) { residentCase(number: $n) { ${RESIDENT_CASE_FIELDS} } }`;
export const MEDIATORS = /* GraphQL */ `query($n: String!) { residentMediators(caseNumber: $n) {
  id name studioName specialties goldMedal languages ways nextFreeSlots { startsAt endsAt } } }`;
export const REQUEST_MEDIATION = /* GraphQL */ `
  mutation($i: ResidentRequestMediationInput!) { residentRequestMediation(input: $i) { case { ${RESIDENT_CASE_FIELDS} } userErrors { field code message } } }`;
export const RESPOND = /* GraphQL */ `
  mutation($i: ResidentRespondInput!) { residentRespondToProposal(input: $i) { case { ${RESIDENT_CASE_FIELDS} } userErrors { field code message } } }`;
export const RATE = /* GraphQL */ `
  mutation($i: ResidentRateInput!) { residentRate(input: $i) { case { ${RESIDENT_CASE_FIELDS} } userErrors { field code message } } }`;

export interface InboxMessage {
  phone: string;
  template: string;
  params: Record<string, string>;
}

/** The dev SMS inbox over HTTP, as a developer or a browser test reads it. */
export async function inbox(h: Harness, phone: string): Promise<InboxMessage[]> {
  const res = await fetch(`${h.url}/dev/sms-inbox?phone=${phone}`);
  return ((await res.json()) as { messages: InboxMessage[] }).messages;
}

/** The tenant of a QR code, for calls made without a token. */
export const atTenant = (code: string) => ({ 'x-tenant-id': code });

/** Code → verify: a resident session token for this phone in this tenant. */
export async function signIn(h: Harness, tenantCode: string, phone: string): Promise<string> {
  const sent = await h.gql<{ residentRequestCode: { userErrors: unknown[] } }>(
    null,
    REQUEST_CODE,
    { i: { phone } },
    atTenant(tenantCode),
  );
  if (sent.body.errors || sent.body.data!.residentRequestCode.userErrors.length) throw new Error(`code: ${sent.text}`);
  const code = (await inbox(h, phone)).find((m) => m.template === 'VERIFY_CODE')!.params['code']!;
  const v = await h.gql<{ residentVerify: { token: string | null; userErrors: unknown[] } }>(
    null,
    VERIFY,
    { i: { phone, code } },
    atTenant(tenantCode),
  );
  if (!v.body.data?.residentVerify.token) throw new Error(`verify: ${v.text}`);
  return v.body.data.residentVerify.token;
}

export const errorCode = (r: GqlResponse) => r.body.errors?.[0]?.extensions?.code;

/** Every operation of the resident area, tried across tenants in test/tenancy/resident-isolation.test.ts. */
export const RESIDENT_OPERATIONS = [
  'residentUnit',
  'residentRequestCode',
  'residentVerify',
  'residentReportCase',
  'residentCases',
  'residentCase',
  'residentMediators',
  'residentRequestMediation',
  'residentRespondToProposal',
  'residentRate',
  'pendingResidentMediationRequests',
  'confirmResidentMediationRequest',
  'proposeResidentMediationSlot',
];
