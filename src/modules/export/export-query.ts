import { zonedToUtc } from '../../core/calendar/zoned-time';
import { unstorableKind } from '../../shared/text';
import { isUuid } from '../../shared/ids';
import { listArg, type MessageRef } from '../../shared/message-ref';
import { render } from '../../core/i18n/translate';

/** A query parameter the client can fix: answered 400 before anything is streamed. */
export class ExportParamError extends Error {
  /** the catalogue message, worded in the caller's language when refused; `message` is the English */
  readonly ref: MessageRef | null;

  constructor(
    readonly param: string,
    message: string | MessageRef,
  ) {
    super(typeof message === 'string' ? message : render('en', message));
    this.ref = typeof message === 'string' ? null : message;
  }
}

export const exportParamError = (param: string, message: string | MessageRef) => new ExportParamError(param, message);

const LOCAL_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ]((?:[01]\d|2[0-3]):[0-5]\d)(?::[0-5]\d)?)?$/;
/** 2026-02-30 parses as 2 March; a typo must not move the period. */
const realDate = (d: string) =>
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The query string of an export, read by name. Lists come as repeated parameters or comma
 * lists (`statuses=REPORTED,ACCEPTED`). Every name read is remembered, so the parameters nobody
 * read can be refused: a misspelt filter must not silently export everything.
 */
export class ExportQuery {
  private readonly read = new Set<string>();

  constructor(private readonly params: URLSearchParams) {}

  private values(name: string): string[] {
    this.read.add(name);
    return this.params.getAll(name);
  }

  one(name: string): string | null {
    const v = this.values(name);
    if (v.length > 1) throw exportParamError(name, { id: 'export.repeated', values: { name } });
    const s = v[0]?.trim();
    return s ? s : null;
  }

  list<T extends string>(name: string, allowed: readonly T[]): T[] | null {
    const items = this.values(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    if (!items.length) return null;
    const bad = items.find((v) => !(allowed as readonly string[]).includes(v));
    if (bad !== undefined)
      throw exportParamError(name, {
        id: 'export.notOneOf',
        values: { name, value: bad.slice(0, 40), allowed: listArg([...allowed]) },
      });
    return [...new Set(items)] as T[];
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | null {
    const v = this.one(name);
    if (v === null) return null;
    if (!(allowed as readonly string[]).includes(v))
      throw exportParamError(name, { id: 'export.mustBeOneOf', values: { name, allowed: listArg([...allowed]) } });
    return v as T;
  }

  bool(name: string): boolean | null {
    const v = this.one(name);
    if (v === null) return null;
    if (['true', '1', 'yes'].includes(v.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(v.toLowerCase())) return false;
    throw exportParamError(name, { id: 'export.boolean', values: { name } });
  }

  /** An id, refused unless a UUID, as the GraphQL filters refuse it (core/graphql/input-guard.ts). */
  id(name: string): string | null {
    const v = this.one(name);
    if (v !== null && !isUuid(v)) throw exportParamError(name, { id: 'error.notUuid', values: { path: name } });
    return v;
  }

  text(name: string, maxLength: number): string | null {
    const v = this.one(name);
    if (v !== null && v.length > maxLength)
      throw exportParamError(name, { id: 'error.tooLong', values: { path: name, max: maxLength } });
    const unstorable = v === null ? null : unstorableKind(v);
    if (unstorable)
      throw exportParamError(name, {
        id: unstorable === 'control' ? 'error.controlChar' : 'error.invalidUnicode',
        values: { path: name },
      });
    return v;
  }

  /**
   * An instant: ISO 8601 with an offset (`2026-10-01T00:00:00+08:00`, `…Z`), or a wall-clock date
   * or date and time in the tenant's zone (`2026-10-01`, `2026-10-01T08:30`), which is what a
   * person typing a period means.
   */
  instant(name: string, timeZone: string): Date | null {
    // An unencoded "+08:00" arrives as " 08:00": form encoding turns + into a space.
    const v = this.one(name)?.replace(/ (\d{2}:?\d{2})$/, '+$1') ?? null;
    if (v === null) return null;
    const local = LOCAL_RE.exec(v);
    const at = local
      ? realDate(local[1]!)
        ? zonedToUtc(local[1]!, local[2] ?? '00:00', timeZone)
        : null
      : INSTANT_RE.test(v)
        ? new Date(v)
        : null;
    if (!at || Number.isNaN(at.getTime())) {
      throw exportParamError(name, { id: 'export.instant', values: { name } });
    }
    return at;
  }

  /** Parameters given that nothing read. */
  unread(): string[] {
    return [...new Set(this.params.keys())].filter((k) => !this.read.has(k));
  }
}
