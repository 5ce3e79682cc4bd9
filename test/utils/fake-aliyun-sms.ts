import http from 'node:http';
import { createHash, createHmac } from 'node:crypto';

export interface ReceivedSms {
  phone: string;
  signName: string;
  templateCode: string;
  params: Record<string, string>;
}

/**
 * A local stand-in for Alibaba Cloud's Dysmsapi endpoint. It checks each request as the gateway
 * does by the published V3 rules — written here independently of the sender's code, so a shared
 * mistake cannot pass — and answers as the provider does: `{ Code: "OK" }`, or the refusal's code.
 */
export async function startFakeAliyunSms(keys: Record<string, string>) {
  const received: ReceivedSms[] = [];
  const nonces = new Set<string>();
  const problems: string[] = [];
  let refuseWith: string | null = null;

  // RFC 3986: unreserved characters stay, everything else is %XX of its UTF-8 bytes.
  const enc = (s: string) =>
    [...Buffer.from(s, 'utf8')]
      .map((b) =>
        /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
          ? String.fromCharCode(b)
          : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
      )
      .join('');

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const answer = (status: number, payload: Record<string, string>) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ RequestId: 'fake-request', ...payload }));
      };
      const refuse = (code: string, why: string) => {
        problems.push(`${code}: ${why}`);
        answer(code === 'SignatureDoesNotMatch' || code === 'InvalidAccessKeyId.NotFound' ? 400 : 200, {
          Code: code,
          Message: why,
        });
      };
      const url = new URL(req.url!, 'http://fake');
      const h = req.headers as Record<string, string>;
      const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
        h['authorization'] ?? '',
      );
      if (req.method !== 'POST' || url.pathname !== '/') return refuse('InvalidAction', 'POST / expected');
      if (!auth) return refuse('IncompleteSignature', 'Authorization is not ACS3-HMAC-SHA256');
      const [, keyId, signedList, signature] = auth;
      const secret = keys[keyId!];
      if (!secret) return refuse('InvalidAccessKeyId.NotFound', keyId!);
      const signed = signedList!.split(';');
      const needed = [
        'host',
        'x-acs-action',
        'x-acs-content-sha256',
        'x-acs-date',
        'x-acs-signature-nonce',
        'x-acs-version',
      ];
      if (needed.some((n) => !signed.includes(n)) || [...signed].sort().join(';') !== signedList)
        return refuse('IncompleteSignature', `signed headers ${signedList}`);
      if (h['x-acs-action'] !== 'SendSms' || h['x-acs-version'] !== '2017-05-25')
        return refuse('InvalidAction', `${h['x-acs-action']} ${h['x-acs-version']}`);
      if (
        !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(h['x-acs-date'] ?? '') ||
        Math.abs(Date.parse(h['x-acs-date']!) - Date.now()) > 15 * 60_000
      )
        return refuse('InvalidTimeStamp.Expired', h['x-acs-date'] ?? '');
      if (nonces.has(h['x-acs-signature-nonce']!)) return refuse('SignatureNonceUsed', h['x-acs-signature-nonce']!);
      nonces.add(h['x-acs-signature-nonce']!);
      if (createHash('sha256').update(body).digest('hex') !== h['x-acs-content-sha256'])
        return refuse('InvalidParameter', 'x-acs-content-sha256 does not match the body');
      const query = [...url.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const canonicalQuery = query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
      const canonicalHeaders = signed.map((n) => `${n}:${String(h[n] ?? '').trim()}\n`).join('');
      const canonical = `POST\n/\n${canonicalQuery}\n${canonicalHeaders}\n${signedList}\n${h['x-acs-content-sha256']}`;
      const toSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`;
      if (createHmac('sha256', secret).update(toSign).digest('hex') !== signature)
        return refuse('SignatureDoesNotMatch', 'the signature does not match');
      const q = Object.fromEntries(query);
      for (const p of ['PhoneNumbers', 'SignName', 'TemplateCode', 'TemplateParam'])
        if (!q[p]) return refuse('MissingParameter', p);
      if (refuseWith) return refuse(refuseWith, 'refused on purpose');
      received.push({
        phone: q['PhoneNumbers']!,
        signName: q['SignName']!,
        templateCode: q['TemplateCode']!,
        params: JSON.parse(q['TemplateParam']!) as Record<string, string>,
      });
      answer(200, { Code: 'OK', Message: 'OK', BizId: `biz-${received.length}` });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    received,
    problems,
    refuse(code: string | null) {
      refuseWith = code;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
