import type { Cell, ExportColumn, ExportLang } from './export.types';

/** Excel on Chinese Windows reads a CSV without a BOM as GBK and shows mojibake. */
const BOM = '\uFEFF';
const CHUNK_CHARS = 64 * 1024;
const NEEDS_QUOTES = /[",\r\n]/;
/**
 * A spreadsheet runs a cell that starts with one of these as a formula (`=HYPERLINK(…)`,
 * `@SUM(…)`, `-2+3`, and tab/CR variants): CSV injection. A leading apostrophe makes it text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvText(v: string): string {
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvCell(v: Cell, numeric: boolean): string {
  if (v === null) return '';
  // Numbers come from our own columns (counts, money as decimal strings): no formula to defuse,
  // and a negative amount must stay a number.
  if (numeric) return String(v);
  return csvText(String(v));
}

/** RFC 4180 with CRLF line ends, UTF-8 with a BOM, in chunks of about 64 KiB. */
export async function* csvChunks<R>(
  columns: readonly ExportColumn<R>[],
  lang: ExportLang,
  rows: AsyncIterable<R>,
): AsyncGenerator<string> {
  const numeric = columns.map((c) => (c.kind ?? 'text') !== 'text');
  let buf = `${BOM}${columns.map((c) => csvText(c.header[lang])).join(',')}\r\n`;
  for await (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      if (i) line += ',';
      line += csvCell(columns[i]!.value(row, lang), numeric[i]!);
    }
    buf += `${line}\r\n`;
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
