import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Orm } from '../../core/db/orm';
import type { TenantScope } from '../../core/tenancy/scope';
import { withTenantScope } from '../../core/tenancy/tenant-tx';
import type { AuditService } from '../audit/audit.service';
import type { TenantRecord } from '../tenant/tenant.model';
import { csvChunks } from './csv-writer';
import { xlsxChunks } from './xlsx-writer';
import type { Viewer } from '../../core/auth/viewer';
import type { ExportContext, ExportFormat, ExportLang, ExportProvider } from './export.types';

const NAME_RE = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * The exports this process serves, by name. Modules register theirs at start-up
 * (`services.exports.register('metrics', provider)`); the HTTP route serves every registered
 * name as CSV and XLSX with the same writers, auth, audit and limits.
 */
export class ExportRegistry {
  private readonly providers = new Map<string, ExportProvider>();

  register<P, R>(name: string, provider: ExportProvider<P, R>): void {
    if (!NAME_RE.test(name))
      throw new Error(`Export name ${JSON.stringify(name)}: lower-case letters, digits and dashes`);
    if (this.providers.has(name)) throw new Error(`Export ${name} is registered twice`);
    this.providers.set(name, provider as unknown as ExportProvider);
  }

  get(name: string): ExportProvider | null {
    return this.providers.get(name) ?? null;
  }

  names(): string[] {
    return [...this.providers.keys()];
  }
}

export interface ExportRequest {
  name: string;
  provider: ExportProvider;
  params: unknown;
  tenant: TenantRecord;
  actor: TenantScope['actor'];
  /** who downloads: providers apply the same read rules as the API (what a feed sees, what is masked) */
  viewer: Viewer;
  format: ExportFormat;
  lang: ExportLang;
}

export interface ExportOutcome {
  rows: number;
  bytes: number;
  /** bytes were sent: a later failure could only cut the download short */
  started: boolean;
  /** every row was written and the response ended */
  complete: boolean;
  error: unknown;
  /** the audit row could not be written (the caller logs it) */
  auditError: unknown;
}

export interface ExportOptions {
  /** exports one process streams at once; each costs a CPU share and a batch query at a time */
  maxConcurrent?: number;
  /** deflate level of XLSX files */
  xlsxLevel?: number;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export class ExportService {
  private running = 0;
  readonly maxConcurrent: number;

  constructor(
    private readonly orm: Orm,
    private readonly audit: AuditService,
    private readonly opts: ExportOptions = {},
    readonly registry: ExportRegistry = new ExportRegistry(),
  ) {
    this.maxConcurrent = opts.maxConcurrent ?? 4;
  }

  /** Serve `provider` as `GET /exports/<name>.csv` and `.xlsx`. */
  register<P, R>(name: string, provider: ExportProvider<P, R>): void {
    this.registry.register(name, provider);
  }

  /** A slot among the exports this process streams at once, or null when all are taken. */
  acquire(): (() => void) | null {
    if (this.running >= this.maxConcurrent) return null;
    this.running++;
    let released = false;
    return () => {
      if (!released) this.running--;
      released = true;
    };
  }

  /**
   * Streams the export into `sink` with backpressure (the rows are pulled only as fast as the
   * sink takes bytes), then writes the audit row: after the fact, because it records how many
   * rows left and whether the download completed. The first rows are read before `start` is
   * called and any byte is sent, so a failing query or a provider's late refusal can still be
   * answered with a status code. A client that goes away stops the reading.
   */
  /**
   * The most bytes any export of this process has held between its rows and the socket (the
   * readable's buffer plus the response's): bounded by the high-water marks while a slow client
   * holds the download back, whatever the number of rows.
   */
  readonly stats = { peakBufferedBytes: 0 };

  async send(req: ExportRequest, sink: Writable, start: () => void): Promise<ExportOutcome> {
    const { provider, params, tenant, actor, viewer, lang } = req;
    const count = { rows: 0, bytes: 0 };
    const ctx: ExportContext = {
      tenant,
      lang,
      viewer,
      read: (fn) => withTenantScope(this.orm, tenant, actor, fn, { viewer }),
    };
    const it = provider.rows(params, ctx)[Symbol.asyncIterator]();
    let error: unknown = null;
    let started = false;
    const stats = this.stats;
    try {
      const first = await it.next();
      const rows = (async function* () {
        try {
          for (let r = first; !r.done; r = await it.next()) {
            count.rows++;
            yield r.value;
          }
        } finally {
          await it.return?.();
        }
      })();
      const columns = provider.columns(params);
      const chunks =
        req.format === 'csv'
          ? csvChunks(columns, lang, rows)
          : xlsxChunks(columns, lang, rows, { sheetTitle: provider.title[lang], level: this.opts.xlsxLevel });
      let source = null as Readable | null;
      const bytes = (async function* () {
        for await (const c of chunks) {
          const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
          count.bytes += b.length;
          // What this process holds between the rows and the socket: the backpressure, measured.
          const buffered = (source?.readableLength ?? 0) + sink.writableLength;
          if (buffered > stats.peakBufferedBytes) stats.peakBufferedBytes = buffered;
          yield b;
        }
      })();
      start();
      started = true;
      source = Readable.from(bytes, { objectMode: false, highWaterMark: 64 * 1024 });
      await pipeline(source, sink);
    } catch (e) {
      error = e;
      // Also when the writers never pulled a row: the provider's finally must still run.
      await it.return?.().catch(() => undefined);
    }
    let auditError: unknown = null;
    try {
      await withTenantScope(this.orm, req.tenant, req.actor, async (scope) => {
        this.audit.record(scope, {
          action: req.provider.auditAction ?? `${req.name}.export`,
          targetType: 'Export',
          targetId: null,
          after: {
            export: req.name,
            format: req.format,
            lang: req.lang,
            filter: req.provider.describe ? req.provider.describe(req.params) : req.params,
            rows: count.rows,
            bytes: count.bytes,
          },
          success: !error,
        });
        await scope.em.flush();
      });
    } catch (e) {
      auditError = e;
    }
    return { ...count, started, complete: !error, error, auditError };
  }
}
