import { HeaderMap, type ApolloServer, type BaseContext, type ContextFunction } from '@apollo/server';
import type { Request, Response } from 'express';

/**
 * Apollo behind Express, as `@as-integrations/express5` does it, minus two costs per request that
 * the case desk paid on every page: the legacy `url.parse` of the whole URL (only the query
 * string is needed) and Express's `res.send` machinery (type sniffing, ETag) for a body that is
 * already a finished JSON string. Streamed answers (@defer/@stream, incremental) go out chunk by chunk.
 */
export function apolloHandler<C extends BaseContext>(
  server: ApolloServer<C>,
  context: ContextFunction<[{ req: Request; res: Response }], C>,
) {
  server.assertStarted('apolloHandler()');
  return async (req: Request, res: Response): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const q = req.url.indexOf('?');
    const answer = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: q < 0 ? '' : req.url.slice(q),
        body: req.body as unknown,
      },
      context: () => context({ req, res }),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      // Encoded once: its length and the bytes written come from the same buffer.
      const body = Buffer.from(answer.body.string);
      res.setHeader('content-length', body.length);
      res.end(body);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
