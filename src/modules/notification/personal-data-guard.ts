import { isUuid } from '../../shared/ids';

// A mainland mobile number (11 digits from 13x–19x) or a resident ID number (17 digits and a
// check character), standing alone: digits inside a longer token such as a case number are not one.
const PHONE_RE = /(?<![\dA-Za-z])1[3-9]\d{9}(?![\dA-Za-z])/;
const ID_NUMBER_RE = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;

export const looksPersonal = (s: string): boolean => !isUuid(s) && (PHONE_RE.test(s) || ID_NUMBER_RE.test(s));

/**
 * Notifications and webhook payloads carry ids and non-personal fields only; they outlive the
 * case's masking rules (a receiver stores them, Redis holds their ids). A caller that passes a
 * phone or ID number is a programming error, refused before anything is written.
 */
export function assertNoPersonalData(value: unknown, path = 'data'): void {
  if (typeof value === 'string' || typeof value === 'number') {
    if (looksPersonal(String(value)))
      throw new Error(`${path} looks like a phone or ID number; notifications and webhooks carry ids only`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertNoPersonalData(v, `${path}[${i}]`));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertNoPersonalData(v, `${path}.${k}`);
  }
}
