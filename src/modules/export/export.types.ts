import type { Role } from '../../core/auth/roles';
import type { Viewer } from '../../core/auth/viewer';
import type { TenantScope } from '../../core/tenancy/scope';
import type { TenantRecord } from '../tenant/tenant.model';
import type { ExportQuery } from './export-query';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_LANGS = ['zh', 'en'] as const;
export type ExportLang = (typeof EXPORT_LANGS)[number];

export type Cell = string | number | null;

/**
 * How a cell is written. `text` is a string cell (defused against formulas in CSV); the number
 * kinds take a number or a decimal string (money stays the exact string PostgreSQL returned) and
 * become numeric cells in XLSX: `integer` plain, `decimal` with two places, `percent` a ratio
 * shown as a percentage.
 */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent';

export interface ExportColumn<R> {
  /** stable key: tests and docs name columns by it */
  key: string;
  header: Record<ExportLang, string>;
  kind?: ColumnKind;
  /** XLSX column width in characters */
  width?: number;
  value(row: R, lang: ExportLang): Cell;
}

/** What a provider gets to read with: each call is one short transaction inside the tenant's isolation. */
export type TenantReader = <T>(fn: (scope: TenantScope) => Promise<T>) => Promise<T>;

export interface ExportContext {
  tenant: TenantRecord;
  lang: ExportLang;
  /** who downloads; `read` scopes carry it too */
  viewer: Viewer;
  read: TenantReader;
}

/**
 * A downloadable list: the rows (pulled one at a time, so a slow client slows the reading, never
 * fills memory), the columns with Chinese and English headers, who may download it, and how its
 * query string is read. `ExportRegistry.register(name, provider)` serves it as
 * `GET /exports/<name>.csv` and `GET /exports/<name>.xlsx`.
 */
export interface ExportProvider<P = unknown, R = unknown> {
  /** sheet name and what the audit trail calls it */
  title: Record<ExportLang, string>;
  roles: readonly Role[];
  /** audit action; default `<name>.export` */
  auditAction?: string;
  /**
   * Query string → parameters. Read every parameter through `q` (unknown ones are refused with
   * 400 afterwards) and throw `exportParamError` for a bad one; nothing has been sent yet.
   */
  parse(q: ExportQuery, tenant: TenantRecord): P;
  columns(params: P): readonly ExportColumn<R>[];
  /** Rows in file order. Read through `ctx.read`; batches keep memory flat, the pull keeps the pace. */
  rows(params: P, ctx: ExportContext): AsyncIterable<R>;
  /** what the audit row records of the parameters (default: the parameters as JSON); never personal data */
  describe?(params: P): unknown;
}
