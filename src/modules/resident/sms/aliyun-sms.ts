import { createHmac, randomUUID } from 'node:crypto';
import { SmsError, type SmsMessage, type SmsSender, type SmsTemplate } from './sms-sender';

export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** the approved signature (签名), e.g. 某某县综治中心 */
  signName: string;
  /** approved template codes (SMS_xxxxxxxx) per message kind */
  templates: Record<SmsTemplate, string>;
  /** default https://dysmsapi.aliyuncs.com; tests point it at a local fake */
  endpoint?: string;
  regionId?: string;
  timeoutMs?: number;
}

/**
 * RFC 3986 percent-encoding as Alibaba Cloud's RPC signature defines it: encodeURIComponent
 * leaves ! ' ( ) * unescaped, which the provider's canonical form escapes.
 */
export const percentEncode = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The canonicalized query string: parameters sorted by name, each name and value percent-encoded. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
}

/**
 * Signature version 1.0 of Alibaba Cloud's RPC APIs: Base64(HMAC-SHA1(secret + "&",
 * METHOD + "&" + enc("/") + "&" + enc(canonical query))).
 */
export function rpcSignature(method: 'GET' | 'POST', params: Record<string, string>, secret: string): string {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}

/** Timestamp in the provider's format: ISO 8601 UTC without milliseconds. */
const timestamp = (at: Date) => `${at.toISOString().slice(0, 19)}Z`;

/**
 * Alibaba Cloud SMS (阿里云短信服务, Dysmsapi 2017-05-25 `SendSms`) over its signed HTTP API:
 * a form POST to the endpoint with the common and operation parameters and the signature.
 * No SDK: the request is small, and the signing is the part worth testing (against a local fake).
 */
export class AliyunSmsSender implements SmsSender {
  readonly name = 'aliyun';

  constructor(private readonly opts: AliyunSmsOptions) {}

  /** The signed parameters of one message (exposed for the fake provider's test). */
  signedParams(msg: SmsMessage, now = new Date(), nonce = randomUUID()): Record<string, string> {
    const params: Record<string, string> = {
      AccessKeyId: this.opts.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      RegionId: this.opts.regionId ?? 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: nonce,
      SignatureVersion: '1.0',
      Timestamp: timestamp(now),
      Version: '2017-05-25',
      PhoneNumbers: msg.phone,
      SignName: this.opts.signName,
      TemplateCode: this.opts.templates[msg.template],
      TemplateParam: JSON.stringify(msg.params),
    };
    return { ...params, Signature: rpcSignature('POST', params, this.opts.accessKeySecret) };
  }

  async send(msg: SmsMessage): Promise<void> {
    const body = canonicalQuery(this.signedParams(msg));
    const res = await fetch(this.opts.endpoint ?? 'https://dysmsapi.aliyuncs.com/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
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
