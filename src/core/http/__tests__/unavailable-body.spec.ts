import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { installHttpErrorHandlers } from '../http-errors';
import { DependencyUnavailableError } from '../../errors/unavailable';
import { createLogger } from '../../observability/logger';

/** The plain-HTTP 503 (console and export routes when PostgreSQL or Redis is away) in the reader's language. */
describe('the plain-HTTP 503 body', () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    const app = express();
    app.get('/down', (_req, _res, next) => next(new DependencyUnavailableError('database', 'connect timed out')));
    installHttpErrorHandlers(app, createLogger('silent'));
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('says it in Chinese without Accept-Language, in English with it, and names no server', async () => {
    const zh = await fetch(`${url}/down`);
    expect([zh.status, zh.headers.get('retry-after')]).toEqual([503, expect.any(String)]);
    expect(await zh.json()).toEqual({
      errors: [{ message: '服务暂时不可用，请稍后重试。', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    const en = await fetch(`${url}/down`, { headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    expect(await en.json()).toEqual({
      errors: [
        {
          message: 'The service is temporarily unavailable; retry shortly',
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        },
      ],
    });
  });
});
