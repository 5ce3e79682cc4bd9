import ExcelJS from 'exceljs';
import { csvChunks, csvText } from '../csv-writer';
import { columnName, xlsxChunks, xmlText } from '../xlsx-writer';
import { ExportParamError, ExportQuery } from '../export-query';
import type { ExportColumn } from '../export.types';
import { readZip } from './zip-reader';

interface Row {
  n: number;
  title: string;
  amount: string | null;
}

const COLUMNS: ExportColumn<Row>[] = [
  { key: 'n', header: { zh: '序号', en: 'No.' }, kind: 'integer', value: (r) => r.n },
  { key: 'title', header: { zh: '标题', en: 'Title' }, value: (r) => r.title },
  { key: 'amount', header: { zh: '涉及金额', en: 'Amount' }, kind: 'decimal', value: (r) => r.amount },
];

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

async function collect(chunks: AsyncIterable<string | Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(parts);
}

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 13800000000', "'+86 13800000000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=cmd', "'\t=cmd"],
    ['=HYPERLINK("http://evil.example","点我")', `"'=HYPERLINK(""http://evil.example"",""点我"")"`],
    ['邻里纠纷, 噪音', '"邻里纠纷, 噪音"'],
    ['两行\r\n文字', '"两行\r\n文字"'],
    ['普通标题', '普通标题'],
  ])('writes %j as %j', (input, expected) => {
    expect(csvText(input)).toBe(expected);
  });

  it('starts with a BOM, ends lines with CRLF and leaves numbers, even negative ones, undefused', async () => {
    const rows = [
      { n: 1, title: '=2*3', amount: '-12.50' },
      { n: 2, title: 'a "quoted" word', amount: null },
    ];
    const text = (await collect(csvChunks(COLUMNS, 'zh', from(rows)))).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe(`序号,标题,涉及金额\r\n1,'=2*3,-12.50\r\n2,"a ""quoted"" word",\r\n`);
    const en = (await collect(csvChunks(COLUMNS, 'en', from([])))).toString('utf8');
    expect(en).toBe('\uFEFFNo.,Title,Amount\r\n');
  });
});

describe('XLSX writer', () => {
  it('names columns as spreadsheets do and drops characters XML cannot carry', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(xmlText('a<b>&"c"\u0001\u0008\u000b')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
  });

  it('writes a workbook that a ZIP reader and exceljs both open, with text kept as text and amounts as numbers', async () => {
    const rows: Row[] = [
      { n: 1, title: '=HYPERLINK("http://evil.example")', amount: '1234.50' },
      { n: 2, title: ' 前后有空格 <&> \u0001', amount: null },
      { n: 3, title: '一二三四五六七八九十'.repeat(20), amount: '99999999999999.99' },
    ];
    const file = await collect(xlsxChunks(COLUMNS, 'zh', from(rows), { sheetTitle: '案件' }));
    const names = readZip(file)
      .map((e) => e.name)
      .sort();
    expect(names).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('案件')!;
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '标题', '涉及金额']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B2').value).toBe('=HYPERLINK("http://evil.example")');
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('C2').value).toBe(1234.5);
    expect(ws.getCell('C2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('B3').value).toBe(' 前后有空格 <&> ');
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.getCell('A4').value).toBe(3);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('continues on a next sheet when a sheet is full', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ n: i + 1, title: `t${i + 1}`, amount: null }));
    const file = await collect(xlsxChunks(COLUMNS, 'en', from(rows), { sheetTitle: 'Cases', maxRows: 3 }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.rowCount])).toEqual([
      ['Cases', 3],
      ['Cases (2)', 3],
      ['Cases (3)', 2],
    ]);
    expect(wb.worksheets.flatMap((w) => w.getColumn(1).values.filter((v) => typeof v === 'number'))).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  it('pulls rows only as fast as its bytes are read, and stops the source when the reader stops', async () => {
    let pulled = 0;
    let closed = false;
    async function* endless(): AsyncGenerator<Row> {
      try {
        for (let n = 1; ; n++) {
          pulled = n;
          yield { n, title: `第${n}号 ${'邻里纠纷'.repeat(10)}`, amount: `${n}.00` };
        }
      } finally {
        closed = true;
      }
    }
    const chunks = xlsxChunks(COLUMNS, 'zh', endless(), { sheetTitle: '案件' });
    await chunks.next();
    await chunks.next();
    await new Promise((r) => setTimeout(r, 200));
    const whileStalled = pulled;
    await new Promise((r) => setTimeout(r, 200));
    // A stalled reader: nothing more is pulled. What is in flight is a 64 KiB chunk of XML and
    // deflate's 16 KiB buffers; these rows repeat themselves, so 16 KiB of deflated output hold
    // thousands of them (real rows compress 6–8 times, holding a few hundred).
    expect(pulled).toBe(whileStalled);
    expect(pulled).toBeLessThan(20_000);
    await chunks.return(undefined);
    expect(closed).toBe(true);
  });
});

describe('export query parameters', () => {
  const q = (s: string) => new ExportQuery(new URLSearchParams(s));

  it('reads lists given repeated or comma-separated, and refuses values outside the list', () => {
    expect(q('s=A,B&s=C&s=A').list('s', ['A', 'B', 'C'])).toEqual(['A', 'B', 'C']);
    expect(q('').list('s', ['A'])).toBeNull();
    expect(() => q('s=A,X').list('s', ['A'])).toThrow(ExportParamError);
  });

  it('takes a date as midnight in the tenant zone and an ISO time with its offset, even with an unencoded +', () => {
    expect(q('d=2026-10-01').instant('d', 'Asia/Shanghai')!.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(q('d=2026-10-01T08:30').instant('d', 'Asia/Shanghai')!.toISOString()).toBe('2026-10-01T00:30:00.000Z');
    expect(q('d=2026-10-01T00:00:00Z').instant('d', 'Asia/Shanghai')!.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(q('d=2026-10-01T00:00:00+08:00').instant('d', 'UTC')!.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(q('d=2026-10-01T00:00:00%2B08:00').instant('d', 'UTC')!.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    for (const bad of ['2026-02-30', 'yesterday', '2026-10-01T25:00', '1700000000']) {
      expect(() => q(`d=${bad}`).instant('d', 'Asia/Shanghai')).toThrow(ExportParamError);
    }
  });

  it('knows which parameters nobody read', () => {
    const query = q('lang=en&statuses=A&stauts=B');
    query.one('lang');
    query.list('statuses', ['A']);
    expect(query.unread()).toEqual(['stauts']);
    expect(() => q('b=maybe').bool('b')).toThrow(ExportParamError);
    expect(() => q('x=1&x=2').one('x')).toThrow(ExportParamError);
  });
});
