/**
 * Masking of personal data in API output: enough left to recognise a number on the phone with
 * the resident (the ends), never enough to use it. Pure functions: no framework imports.
 */
export function maskIdNumber(v: string | null): string | null {
  if (!v) return v;
  // 18-digit resident ID: region (6) + birth date (8, masked) + sequence and check (4).
  if (v.length >= 15) return `${v.slice(0, 6)}${'*'.repeat(v.length - 10)}${v.slice(-4)}`;
  return v.length > 4 ? `${'*'.repeat(v.length - 2)}${v.slice(-2)}` : '*'.repeat(v.length);
}

export function maskPhone(v: string | null): string | null {
  if (!v) return v;
  const digits = v.replace(/\D/g, '');
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return digits.length > 4 ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : '*'.repeat(digits.length);
}

/** Street and house number are identifying too; the district part is enough for routing. */
export function maskAddress(v: string | null): string | null {
  if (!v) return v;
  return v.length > 6 ? `${v.slice(0, 6)}****` : '****';
}

const ID_RE = /^\d{17}[\dXx]$/;
const PHONE_RE = /^(\+?86)?1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
const CREDIT_CODE_RE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** GB 11643: the last character is a checksum over the first 17 digits. */
export function isValidIdNumber(v: string): boolean {
  if (!ID_RE.test(v)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17]!.toUpperCase();
}

export const isValidPhone = (v: string): boolean => PHONE_RE.test(v.replace(/\s/g, ''));
export const isValidCreditCode = (v: string): boolean => CREDIT_CODE_RE.test(v);

/** How numbers are stored (and compared for duplicates): no spaces or hyphens, an upper-case X. */
export const normalPhone = (v: string | null | undefined): string | null => v?.trim().replace(/[\s-]/g, '') || null;
export const normalIdNumber = (v: string | null | undefined): string | null => v?.trim().toUpperCase() || null;
