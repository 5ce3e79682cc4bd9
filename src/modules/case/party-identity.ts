/** The fields that tell who a party is. */
export interface PartyIdentity {
  kind: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  creditCode: string | null;
}

/**
 * Whether two party records of cases being merged are the same person or organisation (issue 17):
 * a person by ID number when both carry one, else by phone and name when both carry a phone, else
 * by name — the cases are one dispute, and a record with no number has nothing to tell its person
 * from a namesake on the other case. Two different ID numbers are two people whatever the name, and
 * so are one name with two phones. An organisation by credit code when both carry one, else by name.
 */
export function sameParty(a: PartyIdentity, b: PartyIdentity): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'PERSON') {
    if (a.idNumber && b.idNumber) return a.idNumber === b.idNumber;
    if (a.phone && b.phone) return a.phone === b.phone && a.name === b.name;
    return a.name === b.name;
  }
  if (a.creditCode && b.creditCode) return a.creditCode === b.creditCode;
  return a.name === b.name;
}

const DETAILS = ['idNumber', 'phone', 'address', 'creditCode'] as const;

/**
 * Keeps the richer record: fills what `kept` lacks from `other` (never overwriting what it has).
 * Returns the fields it filled, by name only — never their values, which are personal data.
 */
export function enrichParty(kept: PartyIdentity, other: PartyIdentity): string[] {
  const filled: string[] = [];
  for (const k of DETAILS) {
    if (!kept[k] && other[k]) {
      kept[k] = other[k];
      filled.push(k);
    }
  }
  return filled;
}
