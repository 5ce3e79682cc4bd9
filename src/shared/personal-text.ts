/**
 * Resident ID numbers and mainland mobile numbers inside free text (titles, descriptions, notes,
 * reasons, supervision messages), and their masking for readers without personal-data rights.
 * Masks keep the ends, as party fields are masked (modules/case/personal-data.ts): ID numbers
 * their region and last four, phones their first three and last four.
 *
 * - ID number: 17 digits and a check character (digit or X) whose GB 11643 checksum holds, not
 *   inside a longer digit run. An 18-digit order or account number with a wrong checksum stays.
 * - Mobile: 1[3-9] and nine more digits, written plain or grouped 3-4-4 by spaces or hyphens
 *   (full-width ones too), optionally after +86 / 0086 / 86, not inside a longer digit run.
 * - Full-width digits and X (０-９, Ｘ: common from Chinese input methods) count as ASCII ones.
 * - Nothing inside a UUID: ids in timeline data can hold eleven decimal digits in a row.
 *
 * Pure: no framework imports.
 */

export type PersonalKind = 'ID_NUMBER' | 'MOBILE';

export interface PersonalSpan {
  kind: PersonalKind;
  /** UTF-16 offsets into the text, end exclusive */
  start: number;
  end: number;
}

const ID_CANDIDATE = /(?<!\d)\d{17}[\dXx](?!\d)/g;
// Separators between digit groups: space, hyphen, and their full-width forms (ideographic space, －).
const MOBILE_CANDIDATE =
  /(?<![\d+])(?:(?:\+|00)86[ \-\u3000\uFF0D]?|86[ \-\u3000\uFF0D]?)?1[3-9]\d[ \-\u3000\uFF0D]?\d{4}[ \-\u3000\uFF0D]?\d{4}(?!\d)/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** cheap pre-check: no text without eleven digits can hold either */
const DIGIT = /[0-9\uFF10-\uFF19]/g;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Full-width digits and X become ASCII ones (full-width = ASCII + 0xFEE0); nothing else changes, so offsets hold. */
const asciiDigits = (text: string): string =>
  text.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** GB 11643: the 18th character is a checksum over the first 17 digits. */
export function hasValidIdChecksum(id18: string): boolean {
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * (id18.charCodeAt(i) - 48), 0);
  return ID_CHECK[sum % 11] === id18[17]!.toUpperCase();
}

/** The ID numbers and mobile numbers in `text`, in order, never overlapping. */
export function findPersonalData(text: string): PersonalSpan[] {
  if ((text.match(DIGIT)?.length ?? 0) < 11) return [];
  const plain = asciiDigits(text);
  const uuids = [...plain.matchAll(UUID)].map((m) => [m.index, m.index + m[0].length] as const);
  const clear = (start: number, end: number) => !uuids.some(([s, e]) => start < e && s < end);
  const spans: PersonalSpan[] = [];
  for (const m of plain.matchAll(ID_CANDIDATE)) {
    const end = m.index + m[0].length;
    if (hasValidIdChecksum(m[0]) && clear(m.index, end)) spans.push({ kind: 'ID_NUMBER', start: m.index, end });
  }
  for (const m of plain.matchAll(MOBILE_CANDIDATE)) {
    const end = m.index + m[0].length;
    const overlapsId = spans.some((s) => m.index < s.end && s.start < end);
    if (!overlapsId && clear(m.index, end)) spans.push({ kind: 'MOBILE', start: m.index, end });
  }
  return spans.sort((a, b) => a.start - b.start);
}

export const containsPersonalData = (text: string): boolean => findPersonalData(text).length > 0;

/** Digit positions (offsets into the span) that a mask replaces. */
function maskedDigits(kind: PersonalKind, digitOffsets: number[]): number[] {
  if (kind === 'ID_NUMBER') return digitOffsets.slice(6, 14);
  // The national number is the last eleven digits (after any 86 prefix): keep 3, mask 4, keep 4.
  return digitOffsets.slice(-11).slice(3, 7);
}

/** `text` with every ID number and mobile number masked; text without any comes back as it is. */
export function maskPersonalText(text: string): string {
  const spans = findPersonalData(text);
  if (!spans.length) return text;
  const chars = text.split('');
  for (const s of spans) {
    const digits: number[] = [];
    for (let i = s.start; i < s.end; i++) if (/[\dXx\uFF10-\uFF19\uFF38\uFF58]/.test(chars[i]!)) digits.push(i);
    for (const i of maskedDigits(s.kind, digits)) chars[i] = '*';
  }
  return chars.join('');
}

/** Whether any string (or number) anywhere in a JSON-like value holds an ID number or mobile number. */
export function valueContainsPersonalData(value: unknown): boolean {
  if (typeof value === 'string') return containsPersonalData(value);
  if (typeof value === 'number') return containsPersonalData(String(value));
  if (Array.isArray(value)) return value.some(valueContainsPersonalData);
  if (value && typeof value === 'object') return Object.values(value).some(valueContainsPersonalData);
  return false;
}

/**
 * A JSON-like value with its strings masked (keys stay; a number that reads as a phone becomes
 * its masked string). Values without personal data are returned as they are, not copied.
 */
export function maskPersonalValues<T>(value: T): T {
  if (!valueContainsPersonalData(value)) return value;
  if (typeof value === 'string') return maskPersonalText(value) as T;
  if (typeof value === 'number') return maskPersonalText(String(value)) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskPersonalValues(v)) as T;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskPersonalValues(v)]),
  ) as T;
}
