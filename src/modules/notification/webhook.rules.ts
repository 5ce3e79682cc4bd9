import { isIP } from 'node:net';
import { NotificationErrorCode as E } from './notification.errors';
import type { MessageId } from '../../core/i18n/catalog/en';

export type UrlCheck = { ok: true; url: string } | { ok: false; code: E; message: MessageId };

const PRIVATE_V4: [number, number][] = [
  [0x00000000, 8],
  [0x0a000000, 8],
  [0x64400000, 10],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0xac100000, 12],
  [0xc0a80000, 16],
];

function isPrivateAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) {
    const n = h.split('.').reduce((acc, p) => (acc << 8) + Number(p), 0) >>> 0;
    return PRIVATE_V4.some(([net, bits]) => n >>> (32 - bits) === net >>> (32 - bits));
  }
  if (isIP(h) === 6) {
    const mapped = h.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
    if (mapped) return isPrivateAddress(mapped[1]!);
    return h === '::' || h === '::1' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith('::ffff:');
  }
  return false;
}

/**
 * A receiver's address: http or https, no credentials in it (they would sit in logs and the
 * audit trail). Production takes https only and refuses loopback and private address literals, so
 * a tenant admin cannot point the platform's workers at its own network. A host name that
 * resolves to such an address is not caught here; the network policy of the workers is the wall.
 */
export function checkWebhookUrl(raw: string, production: boolean): UrlCheck {
  const text = raw.trim();
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { ok: false, code: E.INVALID_URL, message: 'webhook.notUrl' };
  }
  if (text.length > 2000) return { ok: false, code: E.INVALID_URL, message: 'input.max2000' };
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return { ok: false, code: E.INVALID_URL, message: 'webhook.httpOnly' };
  if (u.username || u.password)
    return {
      ok: false,
      code: E.INVALID_URL,
      message: 'webhook.noCredentials',
    };
  if (production && u.protocol !== 'https:')
    return { ok: false, code: E.INSECURE_URL, message: 'webhook.httpsRequired' };
  if (production && isPrivateAddress(u.hostname))
    return { ok: false, code: E.INSECURE_URL, message: 'webhook.privateAddress' };
  u.hash = '';
  return { ok: true, url: u.toString() };
}

/** `sla.red`, `SLA_RED`: letters, digits, `_`, `-` and `.`, starting with a letter. */
const EVENT_TYPE_RE = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;
/** An event type, a prefix ending in `*` (`SLA_*`, `case.*`), or `*` for all. */
const PATTERN_RE = /^([A-Za-z][A-Za-z0-9_.-]{0,98})?\*?$/;

export const isEventType = (t: string): boolean => EVENT_TYPE_RE.test(t);
export const isEventPattern = (t: string): boolean => t.length > 0 && PATTERN_RE.test(t);

/** Every subscription pattern an event type answers to, for `event_types && ?` in SQL. */
export function patternsFor(type: string): string[] {
  return [type, ...Array.from({ length: type.length }, (_, i) => `${type.slice(0, i)}*`)];
}
