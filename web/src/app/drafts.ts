import dayjs, { type Dayjs } from 'dayjs';

/**
 * What a person has typed into a form, kept in sessionStorage until it is saved: a refused
 * action or an expired sign-in (a round trip to the sign-in page) loses nothing.
 */
const KEY = (form: string) => `onedoor.draft.${form}`;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function loadDraft<T = Record<string, unknown>>(form: string): Partial<T> | undefined {
  const raw = sessionStorage.getItem(KEY(form));
  if (!raw) return undefined;
  // Date pickers hold Dayjs values; they come back from JSON as ISO strings.
  return JSON.parse(raw, (_k, v: unknown) => (typeof v === 'string' && ISO.test(v) ? dayjs(v) : v)) as Partial<T>;
}

export function saveDraft(form: string, values: unknown): void {
  sessionStorage.setItem(
    KEY(form),
    JSON.stringify(values, (_k, v: unknown) => (dayjs.isDayjs(v) ? (v as Dayjs).toISOString() : v)),
  );
}

export const clearDraft = (form: string) => sessionStorage.removeItem(KEY(form));
