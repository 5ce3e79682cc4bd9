import { checkWebhookUrl, isEventPattern, isEventType, patternsFor } from '../webhook.rules';
import { signWebhook, verifyWebhook } from '../webhook.signing';
import { assertNoPersonalData, looksPersonal } from '../personal-data-guard';
import { WebhookDeliveryService } from '../webhook-delivery.service';

describe('webhook receiver addresses', () => {
  it('takes http and https outside production, without credentials or fragments', () => {
    expect(checkWebhookUrl('http://127.0.0.1:8080/hook#x', false)).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8080/hook',
    });
    expect(checkWebhookUrl(' https://hooks.example.gov.cn/onedoor ', false)).toEqual({
      ok: true,
      url: 'https://hooks.example.gov.cn/onedoor',
    });
    expect(checkWebhookUrl('ftp://example.com', false)).toMatchObject({ ok: false, code: 'INVALID_URL' });
    expect(checkWebhookUrl('https://a:b@example.com', false)).toMatchObject({ ok: false, code: 'INVALID_URL' });
    expect(checkWebhookUrl('example.com/hook', false)).toMatchObject({ ok: false, code: 'INVALID_URL' });
    expect(checkWebhookUrl(`https://example.com/${'x'.repeat(2000)}`, false)).toMatchObject({
      ok: false,
      code: 'INVALID_URL',
    });
  });

  it('takes https only in production, and no loopback or private address literals', () => {
    expect(checkWebhookUrl('https://hooks.example.gov.cn/x', true)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('https://8.8.8.8/x', true)).toMatchObject({ ok: true });
    for (const bad of [
      'http://hooks.example.gov.cn/x',
      'https://127.0.0.1/x',
      'https://localhost/x',
      'https://api.localhost/x',
      'https://10.1.2.3/x',
      'https://172.20.0.1/x',
      'https://192.168.1.10/x',
      'https://169.254.169.254/latest',
      'https://100.64.0.1/x',
      'https://0.0.0.0/x',
      'https://[::1]/x',
      'https://[fd00::1]/x',
      'https://[fe80::1]/x',
      'https://[::ffff:127.0.0.1]/x',
    ]) {
      expect([bad, checkWebhookUrl(bad, true)]).toEqual([
        bad,
        expect.objectContaining({ ok: false, code: 'INSECURE_URL' }),
      ]);
    }
    expect(checkWebhookUrl('https://172.32.0.1/x', true)).toMatchObject({ ok: true });
  });
});

describe('event types and subscription patterns', () => {
  it('accepts the SLA module names and dotted names', () => {
    for (const t of ['SLA_RED', 'SLA_ESCALATION', 'case.reported', 'a']) expect([t, isEventType(t)]).toEqual([t, true]);
    for (const t of ['', '1abc', 'has space', 'SLA_*', 'x'.repeat(101)])
      expect([t, isEventType(t)]).toEqual([t, false]);
    for (const p of ['*', 'SLA_*', 'SLA_RED', 'case.*']) expect([p, isEventPattern(p)]).toEqual([p, true]);
    for (const p of ['', '**', '*SLA', 'SLA_*_*']) expect([p, isEventPattern(p)]).toEqual([p, false]);
  });

  it('lists every pattern an event answers to', () => {
    expect(patternsFor('SLA_RED')).toEqual(['SLA_RED', '*', 'S*', 'SL*', 'SLA*', 'SLA_*', 'SLA_R*', 'SLA_RE*']);
  });
});

describe('signatures', () => {
  const secret = 'whsec_test';
  const body = '{"id":"1","type":"SLA_RED"}';
  const ts = '1795000000';

  it('signs "<timestamp>.<body>" with HMAC-SHA256 as hex', () => {
    // echo -n '1795000000.{"id":"1","type":"SLA_RED"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signWebhook(secret, ts, body)).toBe(
      'sha256=07ba74bb133bec360bb84dfb9da22fc8765045b20557a5ee958ef1848c60edfe',
    );
    expect(signWebhook(secret, ts, body)).not.toBe(signWebhook(secret, ts, `${body} `));
    expect(signWebhook(secret, ts, body)).not.toBe(signWebhook(secret, '1795000001', body));
  });

  it('verifies in constant time and refuses old or future timestamps', () => {
    const signature = signWebhook(secret, ts, body);
    const now = Number(ts) * 1000;
    expect(verifyWebhook(secret, { timestamp: ts, signature }, body, 300, now)).toBe(true);
    expect(verifyWebhook(secret, { timestamp: ts, signature }, body, 300, now + 301_000)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: ts, signature }, body, 300, now - 301_000)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: ts, signature: signature.slice(0, -1) }, body, 300, now)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: 'soon', signature }, body, 300, now)).toBe(false);
  });
});

describe('ids only', () => {
  it('recognises phones and ID numbers but not ids, case numbers or times', () => {
    for (const s of ['13911112222', '电话13911112222', '330502199001011236', '33050219900101123X'])
      expect([s, looksPersonal(s)]).toEqual([s, true]);
    for (const s of [
      '019a1b2c-1391-7111-8222-139111122223',
      'ZL-2026-000123',
      '2026-11-23T09:00:00.000Z',
      '1795000000000',
      '12000.50',
      '0571-12345',
    ])
      expect([s, looksPersonal(s)]).toEqual([s, false]);
  });

  it('walks nested data and names where it found one', () => {
    expect(() => assertNoPersonalData({ ids: ['a', { tel: 13911112222 }] })).toThrow('data.ids[1].tel');
    expect(() =>
      assertNoPersonalData({ caseId: '019a1b2c-1391-7111-8222-139111122223', step: 'ACCEPT', level: 2 }),
    ).not.toThrow();
  });
});

describe('retry timing', () => {
  it('waits 2^n × base after the n-th failure, capped', () => {
    const s = new WebhookDeliveryService(null as never, null, { retryBaseMs: 5_000, retryMaxMs: 3_600_000 });
    expect([1, 2, 3, 7, 8, 12].map((n) => s.backoffMs(n))).toEqual([
      10_000, 20_000, 40_000, 640_000, 1_280_000, 3_600_000,
    ]);
    expect(s.options).toMatchObject({ maxAttempts: 8, timeoutMs: 10_000 });
  });
});
