import { createHash, createHmac, randomBytes } from 'node:crypto';
import { SmsError, type SmsMessage, type SmsSender, type SmsTemplate } from './sms-sender';

export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** the approved signature (签名), e.g. 某某县综治中心 */
  signName: string;
  /** approved template codes (SMS_xxxxxxxx) per message kind */
  templates: Record<SmsTemplate, string>;
  /** default https://dysmsapi.aliyuncs.com/; tests point it at a local fake */
  endpoint?: string;
  timeoutMs?: number;
}

const ALGORITHM = 'ACS3-HMAC-SHA256';
const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * RFC 3986 percent-encoding as the signature defines it: everything but A–Z a–z 0–9 - _ . ~ is
 * escaped (space as %20, * as %2A); encodeURIComponent leaves ! ' ( ) * alone, so those are added.
 */
export const percentEncode = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Parameters sorted by name, name and value percent-encoded, joined by & (the canonical query string). */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
}

export interface SignedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Signature method V3 of Alibaba Cloud's API gateway (the V2 HMAC-SHA1 query signature is
 * discontinued): a canonical request of method, URI ("/" for RPC APIs such as SendSms), canonical
 * query, the lower-cased `host` and `x-acs-*` headers with their names, and the body's SHA-256;
 * StringToSign = "ACS3-HMAC-SHA256\n" + SHA-256 of it; the signature is its HMAC-SHA256 under the
 * AccessKey secret, in hex, sent in `Authorization`.
 */
export function signV3(
  opts: { endpoint: string; accessKeyId: string; accessKeySecret: string; action: string; version: string },
  query: Record<string, string>,
  now: Date,
  nonce: string,
): SignedRequest {
  const url = new URL(opts.endpoint);
  const body = '';
  const headers: Record<string, string> = {
    host: url.host,
    'x-acs-action': opts.action,
    'x-acs-version': opts.version,
    'x-acs-date': `${now.toISOString().slice(0, 19)}Z`,
    'x-acs-signature-nonce': nonce,
    'x-acs-content-sha256': sha256Hex(body),
  };
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]!.trim()}\n`).join('');
  const signedHeaders = names.join(';');
  const cq = canonicalQuery(query);
  const canonicalRequest = ['POST', '/', cq, canonicalHeaders, signedHeaders, headers['x-acs-content-sha256']].join(
    '\n',
  );
  const stringToSign = `${ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', opts.accessKeySecret).update(stringToSign, 'utf8').digest('hex');
  headers['authorization'] =
    `${ALGORITHM} Credential=${opts.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { url: `${url.origin}/?${cq}`, headers, body };
}

/**
 * Alibaba Cloud SMS (阿里云短信服务, Dysmsapi 2017-05-25 `SendSms`) over its signed HTTP API. No
 * SDK: the request is one signed POST, and the signing is the part worth testing (against a local
 * fake of the provider, test/integration/aliyun-sms.test.ts).
 */
export class AliyunSmsSender implements SmsSender {
  readonly name = 'aliyun';

  constructor(private readonly opts: AliyunSmsOptions) {}

  /** The signed request of one message (exposed for tests). */
  request(msg: SmsMessage, now = new Date(), nonce = randomBytes(16).toString('hex')): SignedRequest {
    return signV3(
      {
        endpoint: this.opts.endpoint ?? 'https://dysmsapi.aliyuncs.com/',
        accessKeyId: this.opts.accessKeyId,
        accessKeySecret: this.opts.accessKeySecret,
        action: 'SendSms',
        version: '2017-05-25',
      },
      {
        PhoneNumbers: msg.phone,
        SignName: this.opts.signName,
        TemplateCode: this.opts.templates[msg.template],
        TemplateParam: JSON.stringify(msg.params),
      },
      now,
      nonce,
    );
  }

  async send(msg: SmsMessage): Promise<void> {
    const req = this.request(msg);
    // fetch sets Host from the URL itself; sending it again is refused by undici.
    const { host: _host, ...headers } = req.headers;
    const res = await fetch(req.url, {
      method: 'POST',
      headers,
      body: req.body,
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
    }).catch((e: unknown) => {
      throw new SmsError(`SMS provider unreachable: ${(e as Error).message}`);
    });
    const answer = (await res.json().catch(() => null)) as { Code?: string; Message?: string } | null;
    // The provider answers HTTP 200 with Code "OK" on success; anything else names the refusal.
    if (!res.ok || answer?.Code !== 'OK') {
      throw new SmsError(
        `SMS provider refused the message: ${answer?.Code ?? res.status} ${answer?.Message ?? ''}`.trim(),
        answer?.Code ?? null,
      );
    }
  }
}
