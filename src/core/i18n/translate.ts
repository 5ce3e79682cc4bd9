import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageArg, MessageRef, MessageValues } from '../../shared/message-ref';
import { en, type MessageId } from './catalog/en';
import { zhCN } from './catalog/zh-CN';
import { DEFAULT_LOCALE, type Locale } from './locale';

export type { MessageId } from './catalog/en';

const CATALOGUES: Record<Locale, Record<MessageId, string>> = { 'zh-CN': zhCN, en };

/** Times inside sentences read in the tenant's zone; a request with no tenant reads China's. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface RenderOptions {
  timeZone?: string | null;
}

/** Every message id, in catalogue order. */
export const catalogueKeys = (): MessageId[] => Object.keys(en) as MessageId[];

export const hasMessage = (locale: Locale, id: string): id is MessageId => Object.hasOwn(CATALOGUES[locale], id);

const compiled = new Map<string, IntlMessageFormat>();

function formatter(locale: Locale, id: MessageId): IntlMessageFormat {
  const key = `${locale}\u0000${id}`;
  let f = compiled.get(key);
  if (!f) {
    f = new IntlMessageFormat(CATALOGUES[locale][id], locale);
    compiled.set(key, f);
  }
  return f;
}

/** The label of an enum value (待受理 for CaseStatus.REPORTED); the value itself when none is kept. */
export function enumLabel(locale: Locale, enumName: string, value: string): string {
  const id = `enum.${enumName}.${value}`;
  return hasMessage(locale, id) ? CATALOGUES[locale][id] : value;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** 2026年11月27日 16:56 / Nov 27, 2026, 4:56 PM, in the given zone. */
export function formatTime(locale: Locale, at: Date | string, timeZone: string | null | undefined): string {
  const zone = timeZone || DEFAULT_TIME_ZONE;
  const key = `${locale}\u0000${zone}`;
  let f = timeFormats.get(key);
  if (!f) {
    f =
      locale === 'zh-CN'
        ? new Intl.DateTimeFormat('zh-CN', {
            timeZone: zone,
            year: 'numeric',
            month: 'long',
            day: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          })
        : new Intl.DateTimeFormat('en', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
    timeFormats.set(key, f);
  }
  // A message stored as JSON (a notification's title) brings its instants back as ISO strings.
  return f.format(typeof at === 'string' ? new Date(at) : at);
}

/** Yuan from a decimal string: 3,500元 / ¥3,500.00 (strings, so no float ever rounds an amount). */
export function formatMoney(locale: Locale, amount: string): string {
  const [int = '0', frac] = amount.replace(/^-/, '').split('.');
  const sign = amount.startsWith('-') ? '-' : '';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = frac && Number(frac) !== 0 ? `.${frac.padEnd(2, '0').slice(0, 2)}` : '';
  return locale === 'zh-CN' ? `${sign}${grouped}${cents}元` : `${sign}¥${grouped}${cents || '.00'}`;
}

/** 受理员、调度员 / intake clerk, dispatcher: the separators each language uses in a running list. */
export const formatList = (locale: Locale, items: string[]): string => items.join(locale === 'zh-CN' ? '、' : ', ');

function arg(locale: Locale, v: MessageArg, opts: RenderOptions): string | number {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if ('enum' in v) return enumLabel(locale, v.enum, v.value);
  if ('time' in v) return formatTime(locale, v.time, opts.timeZone);
  if ('money' in v) return formatMoney(locale, v.money);
  if ('nested' in v) return render(locale, v.nested, opts);
  return formatList(
    locale,
    v.list.map((i) => String(arg(locale, i, opts))),
  );
}

/** One catalogue message in one locale; an id no catalogue has is returned as it is. */
export function t(locale: Locale, id: MessageId | string, values?: MessageValues, opts: RenderOptions = {}): string {
  if (!hasMessage(locale, id)) return hasMessage(DEFAULT_LOCALE, id) ? t(DEFAULT_LOCALE, id, values, opts) : id;
  if (!values)
    return CATALOGUES[locale][id].includes('{') ? String(formatter(locale, id).format()) : CATALOGUES[locale][id];
  const shaped: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values)) shaped[k] = arg(locale, v, opts);
  return String(formatter(locale, id).format(shaped));
}

export const render = (locale: Locale, ref: MessageRef, opts: RenderOptions = {}): string =>
  t(locale, ref.id, ref.values, opts);
