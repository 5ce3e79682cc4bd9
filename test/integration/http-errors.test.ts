import { Writable } from 'node:stream';
import { startHarness, type Harness } from '../utils/harness';
import { personalDataIn } from '../utils/personal-data';

const ID_NUMBER = '330502199003071232';
const PHONE = '13812345678';

/** A reportCase cut short mid-body: what an unauthenticated client sent in the outside probe. */
const TRUNCATED_REPORT = `{"query":"mutation R($input: ReportCaseInput!) { reportCase(input: $input) { case { id } } }","variables":{"input":{"title":"邻里纠纷","parties":[{"name":"张某","idNumber":"${ID_NUMBER}","phone":"${PHONE}"`;

describe('HTTP errors outside GraphQL', () => {
  let h: Harness;
  const logLines: string[] = [];
  const stderr: string[] = [];
  let restore: (() => void)[] = [];

  beforeAll(async () => {
    // Express's own error handler prints and shows stack traces unless NODE_ENV=test; run as developers do.
    const nodeEnv = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'development';
    try {
      h = await startHarness(
        { LOG_LEVEL: 'debug' },
        {
          logSink: new Writable({
            write(chunk, _enc, done) {
              logLines.push(String(chunk));
              done();
            },
          }),
        },
      );
    } finally {
      process.env['NODE_ENV'] = nodeEnv;
    }
  });
  beforeEach(() => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
    const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      stderr.push(args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : String(a))).join(' '));
    });
    restore = [() => write.mockRestore(), () => error.mockRestore()];
  });
  afterEach(() => restore.forEach((f) => f()));
  afterAll(() => h.close());

  const send = (path: string, init: RequestInit = {}) =>
    fetch(`${h.url}${path}`, init).then(async (r) => ({
      status: r.status,
      type: r.headers.get('content-type') ?? '',
      text: await r.text(),
    }));

  it('answers a malformed JSON body with a JSON error, and logs neither the ID number nor the phone in it', async () => {
    const res = await send('/graphql', {
      method: 'POST',
      // English, the language these assertions are written in (Chinese is the default).
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: TRUNCATED_REPORT,
    });
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/json/);
    expect(JSON.parse(res.text)).toEqual({
      errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(res.text).not.toMatch(/<html|at \//i);
    const logged = [...logLines, ...stderr].join('\n');
    expect(logged).toContain('request body refused');
    expect(personalDataIn(logged)).toBeNull();
    expect(logged).not.toContain('张某');
  });

  it('answers a body over the limit with 413 in the same shape', async () => {
    const res = await send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ query: '{ me { subject } }', variables: { pad: `${PHONE} `.repeat(120_000) } }),
    });
    expect([res.status, JSON.parse(res.text)]).toEqual([
      413,
      { errors: [{ message: 'The request body is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
    ]);
    expect(personalDataIn([...logLines, ...stderr].join('\n'))).toBeNull();
  });

  it('answers unknown paths and malformed URLs with JSON errors, never an HTML page', async () => {
    for (const [path, method, status, code] of [
      ['/nothing-here', 'GET', 404, 'NOT_FOUND'],
      ['/exports/a/b', 'GET', 404, 'NOT_FOUND'],
      ['/healthz', 'POST', 404, 'NOT_FOUND'],
      ['/exports/%E0%A4%A', 'GET', 400, 'BAD_REQUEST'],
    ] as const) {
      const res = await send(path, { method });
      expect([path, res.status, res.type.split(';')[0], JSON.parse(res.text).errors[0].extensions.code]).toEqual([
        path,
        status,
        'application/json',
        code,
      ]);
    }
    expect(stderr.join('')).toBe('');
  });

  it('never writes a request body to the log, whatever the content type', async () => {
    for (const type of ['application/json', 'application/json; charset=latin9']) {
      const res = await send('/graphql', {
        method: 'POST',
        headers: { 'content-type': type },
        body: `{"variables":{"phone":"${PHONE}","idNumber":"${ID_NUMBER}"},`,
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(JSON.parse(res.text).errors[0].extensions.code).toMatch(/^[A-Z_]+$/);
    }
    expect(personalDataIn([...logLines, ...stderr].join('\n'))).toBeNull();
  });
});
