import { ZipWriter } from './zip-writer';
import type { Cell, ColumnKind, ExportColumn, ExportLang } from './export.types';

/**
 * An XLSX (Office Open XML spreadsheet) written as a stream: the sheets first, row by row with
 * inline strings (no shared-string table to hold in memory), then the small workbook parts,
 * which may follow the sheets because readers find parts through the ZIP's central directory.
 * A sheet holds at most 1,048,576 rows (Excel's limit); longer exports continue on a next sheet.
 */
export const EXCEL_MAX_ROWS = 1_048_576;
const CHUNK_CHARS = 64 * 1024;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style ids in styles.xml below. */
const STYLE = { header: 1, decimal: 2, percent: 3 } as const;
const KIND_STYLE: Record<ColumnKind, number> = { text: 0, integer: 0, decimal: STYLE.decimal, percent: STYLE.percent };

// XML 1.0 forbids most control characters; one in a title would make the whole file unreadable.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function xmlText(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

export function columnName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const NUMBER_RE = /^-?\d+(\.\d+)?(E[+-]?\d+)?$/i;

function cellXml(ref: string, v: Cell, kind: ColumnKind, style: number): string {
  if (v === null || v === '') return '';
  const s = style ? ` s="${style}"` : '';
  if (kind !== 'text') {
    // The decimal string goes into the file as it is: no float ever rounds an amount on its way.
    const num = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : null) : NUMBER_RE.test(v) ? v : null;
    if (num !== null) return `<c r="${ref}"${s}><v>${num}</v></c>`;
  }
  const text = xmlText(String(v));
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ] */
export function sheetName(s: string): string {
  return (
    s
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet'
  );
}

class Rows<R> {
  private readonly it: AsyncIterator<R>;
  private head: IteratorResult<R> | null = null;

  constructor(rows: AsyncIterable<R>) {
    this.it = rows[Symbol.asyncIterator]();
  }

  async peek(): Promise<IteratorResult<R>> {
    this.head ??= await this.it.next();
    return this.head;
  }

  async next(): Promise<IteratorResult<R>> {
    const r = await this.peek();
    this.head = null;
    return r;
  }

  async close(): Promise<void> {
    await this.it.return?.();
  }
}

async function* sheetXml<R>(
  columns: readonly ExportColumn<R>[],
  lang: ExportLang,
  rows: Rows<R>,
  maxRows: number,
): AsyncGenerator<string> {
  const refs = columns.map((_, i) => columnName(i));
  const kinds = columns.map((c) => c.kind ?? 'text');
  const styles = kinds.map((k) => KIND_STYLE[k]);
  const cols = columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? 14}" customWidth="1"/>`)
    .join('');
  let buf =
    `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${NS_R}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>` +
    `<row r="1">${columns.map((c, i) => cellXml(`${refs[i]}1`, c.header[lang], 'text', STYLE.header)).join('')}</row>`;
  for (let r = 2; r <= maxRows; r++) {
    const next = await rows.next();
    if (next.done) break;
    let line = `<row r="${r}">`;
    for (let i = 0; i < columns.length; i++)
      line += cellXml(`${refs[i]}${r}`, columns[i]!.value(next.value, lang), kinds[i]!, styles[i]!);
    buf += `${line}</row>`;
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  yield `${buf}</sheetData></worksheet>`;
}

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  // 0 default, 1 bold header, 2 built-in format 4 (#,##0.00), 3 built-in format 10 (0.00%)
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function workbookParts(sheets: string[]): [string, string][] {
  const ids = sheets.map((_, i) => i + 1);
  return [
    ['xl/styles.xml', STYLES_XML],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets>` +
        sheets.map((s, i) => `<sheet name="${xmlText(s)}" sheetId="${ids[i]}" r:id="rId${ids[i]}"/>`).join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${NS_PKG}">` +
        ids
          .map((n) => `<Relationship Id="rId${n}" Type="${NS_R}/worksheet" Target="worksheets/sheet${n}.xml"/>`)
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${NS_R}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        ids
          .map(
            (n) =>
              `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    ],
  ];
}

export interface XlsxOptions {
  sheetTitle: string;
  /** rows per sheet including the header (tests shrink it) */
  maxRows?: number;
  /** deflate level: 1 is several times faster than the default for about 30 % more bytes */
  level?: number;
}

export async function* xlsxChunks<R>(
  columns: readonly ExportColumn<R>[],
  lang: ExportLang,
  rows: AsyncIterable<R>,
  opts: XlsxOptions,
): AsyncGenerator<Buffer> {
  const maxRows = Math.min(opts.maxRows ?? EXCEL_MAX_ROWS, EXCEL_MAX_ROWS);
  const zip = new ZipWriter(opts.level);
  const source = new Rows(rows);
  const sheets: string[] = [];
  const base = sheetName(opts.sheetTitle);
  try {
    do {
      const n = sheets.length + 1;
      sheets.push(n === 1 ? base : sheetName(`${base.slice(0, 25)} (${n})`));
      yield* zip.entry(`xl/worksheets/sheet${n}.xml`, sheetXml(columns, lang, source, maxRows));
    } while (!(await source.peek()).done);
    for (const [name, xml] of workbookParts(sheets)) yield* zip.entry(name, [xml]);
    yield zip.finish();
  } finally {
    await source.close();
  }
}
