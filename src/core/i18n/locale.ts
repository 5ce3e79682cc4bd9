import { AsyncLocalStorage } from 'node:async_hooks';

/** The languages the API speaks. Chinese first: the people who use a center read Chinese. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const isLocale = (v: unknown): v is Locale => v === 'zh-CN' || v === 'en';

/**
 * The best of our locales for an Accept-Language header (RFC 9110 weights). Any `zh*` range
 * counts as zh-CN and any `en*` as en; a header naming neither, or none at all, gets zh-CN.
 */
export function negotiateLocale(header: string | string[] | null | undefined): Locale {
  const raw = Array.isArray(header) ? header.join(',') : header;
  if (!raw) return DEFAULT_LOCALE;
  let best: { locale: Locale; q: number } | null = null;
  for (const part of raw.split(',').slice(0, 20)) {
    const [tag, ...params] = part.trim().split(';');
    const lang = tag?.trim().toLowerCase() ?? '';
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    const locale: Locale | null =
      lang === 'zh' || lang.startsWith('zh-') ? 'zh-CN' : lang === 'en' || lang.startsWith('en-') ? 'en' : null;
    if (locale && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}

/**
 * Which language answers a request, strongest first:
 * 1. an explicit choice in the request itself: `?lang=` of an export, `enumLabels(locale:)`;
 * 2. the person's saved preference in the tenant they act in (`setMyLocale`, the console's
 *    language switch), so a browser set to another language does not override what they chose;
 * 3. the `Accept-Language` header (over WebSocket, the `accept-language` connection parameter);
 * 4. zh-CN.
 * A worker, which has no request, words what it writes for a person by rule 2, then 4.
 */
export function chooseLocale(
  explicit: Locale | null | undefined,
  saved: Locale | null | undefined,
  header: Locale,
): Locale {
  return explicit ?? saved ?? header;
}

/**
 * The locale of the request being served, for code that has no request context: Apollo's
 * formatError and the limits plugin run inside the request's async chain but get no context.
 * A holder rather than the value: the header is read before the token is, and the person's saved
 * preference, known once the token is, then replaces it for the rest of the request.
 */
const current = new AsyncLocalStorage<{ locale: Locale }>();

export const runInLocale = <T>(locale: Locale, fn: () => T): T => current.run({ locale }, fn);
export const currentLocale = (): Locale => current.getStore()?.locale ?? DEFAULT_LOCALE;

/** The request being served answers in `locale` from here on (the person's saved preference). */
export function adoptLocale(locale: Locale): void {
  const store = current.getStore();
  if (store) store.locale = locale;
}
