import { randomBytes } from 'node:crypto';

let lastMs = -1;
let seq = 0;

/**
 * UUIDv7 (RFC 9562): time-ordered, so keyset pagination by id follows creation order. Within
 * one millisecond a 12-bit counter in rand_a (RFC 9562 §6.2, method 1) keeps ids made by this
 * process in creation order too: two timeline events written by one step read back as written.
 */
export function uuidv7(now: number = Date.now()): string {
  if (now === lastMs && seq < 0xfff) seq += 1;
  else {
    lastMs = now;
    seq = 0;
  }
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_RE.test(s);

/**
 * An id as this API writes it (lowercase). PostgreSQL reads an uppercase UUID as the same value,
 * but the ORM's identity map and every JavaScript comparison would not: ids from clients must be
 * in the one spelling the API gives out.
 */
const CANONICAL_UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isCanonicalUuid = (s: string): boolean => CANONICAL_UUID_RE.test(s);

/** RFC 9562's nil UUID: no row has it (ids are UUIDv7), so it can stand for "none" or "no such id". */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** A malformed id becomes one no row has, so a filter by it matches nothing instead of failing the cast. */
export const idOrNoMatch = (id: string): string => (isUuid(id) ? id : NIL_UUID);
