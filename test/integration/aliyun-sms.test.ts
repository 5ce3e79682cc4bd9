import { startHarness, type Harness } from '../utils/harness';
import { startFakeAliyunSms } from '../utils/fake-aliyun-sms';
import { AliyunSmsSender } from '../../src/modules/resident/sms/aliyun-sms';
import { SmsError } from '../../src/modules/resident/sms/sms-sender';
import { atTenant, MY_CASES, REQUEST_CODE, VERIFY } from '../utils/resident';

const KEY_ID = 'LTAI5tFakeKeyId';
const SECRET = 'fake-secret-of-the-test';
const TEMPLATES = { VERIFY_CODE: 'SMS_400000001', BOOKING_UPDATE: 'SMS_400000002' };

describe('Alibaba Cloud SMS, against a local fake of its HTTP API', () => {
  let fake: Awaited<ReturnType<typeof startFakeAliyunSms>>;

  beforeAll(async () => {
    fake = await startFakeAliyunSms({ [KEY_ID]: SECRET });
  });
  afterAll(() => fake.close());
  afterEach(() => fake.refuse(null));

  const sender = (secret = SECRET) =>
    new AliyunSmsSender({
      accessKeyId: KEY_ID,
      accessKeySecret: secret,
      signName: '织里镇社会治理中心',
      templates: TEMPLATES,
      endpoint: fake.endpoint,
    });

  it('sends a signed SendSms request the provider accepts', async () => {
    await sender().send({ phone: '13812345678', template: 'VERIFY_CODE', params: { code: '123456', minutes: '5' } });
    expect(fake.problems).toEqual([]);
    expect(fake.received.at(-1)).toEqual({
      phone: '13812345678',
      signName: '织里镇社会治理中心',
      templateCode: 'SMS_400000001',
      params: { code: '123456', minutes: '5' },
    });
  });

  it('signs the documented request shape: V3 headers, RFC 3986 query, hex signature', () => {
    const req = sender().request(
      { phone: '13812345678', template: 'BOOKING_UPDATE', params: { text: '您预约的调解已确认 (*) ~' } },
      new Date('2026-11-27T08:00:00.000Z'),
      'd410180a5abf7fe235dd9b74aca91fc0',
    );
    expect(req.headers).toMatchObject({
      'x-acs-action': 'SendSms',
      'x-acs-version': '2017-05-25',
      'x-acs-date': '2026-11-27T08:00:00Z',
      'x-acs-signature-nonce': 'd410180a5abf7fe235dd9b74aca91fc0',
      // SHA-256 of the empty body: RPC parameters travel in the query string.
      'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
    expect(req.headers['authorization']).toMatch(
      new RegExp(
        `^ACS3-HMAC-SHA256 Credential=${KEY_ID},SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}$`,
      ),
    );
    const query = req.url.split('?')[1]!;
    expect(query.split('&').map((p) => p.split('=')[0])).toEqual([
      'PhoneNumbers',
      'SignName',
      'TemplateCode',
      'TemplateParam',
    ]);
    // Space, parentheses and star escaped, tilde kept, as RFC 3986 and the gateway want.
    expect(query).toContain('%20%28%2A%29%20~');
    expect(query).not.toContain('+');
  });

  it('surfaces the provider refusing: a wrong secret, a business limit', async () => {
    await expect(
      sender('not-the-secret').send({ phone: '13812345678', template: 'VERIFY_CODE', params: { code: '1' } }),
    ).rejects.toMatchObject({
      providerCode: 'SignatureDoesNotMatch',
    });
    fake.refuse('isv.BUSINESS_LIMIT_CONTROL');
    const e = await sender()
      .send({ phone: '13812345678', template: 'VERIFY_CODE', params: { code: '1' } })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SmsError);
    expect((e as SmsError).providerCode).toBe('isv.BUSINESS_LIMIT_CONTROL');
  });

  describe('through the API (SMS_PROVIDER=aliyun)', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({
        SMS_PROVIDER: 'aliyun',
        ALIYUN_SMS_ACCESS_KEY_ID: KEY_ID,
        ALIYUN_SMS_ACCESS_KEY_SECRET: SECRET,
        ALIYUN_SMS_SIGN_NAME: '某县综治中心',
        ALIYUN_SMS_TEMPLATE_CODE: TEMPLATES.VERIFY_CODE,
        ALIYUN_SMS_TEMPLATE_BOOKING: TEMPLATES.BOOKING_UPDATE,
        ALIYUN_SMS_ENDPOINT: fake.endpoint,
        RESIDENT_TOKEN_SECRET: 'a-resident-token-secret-of-32-characters!',
      });
    });
    afterAll(() => h.close());

    it('delivers the sign-in code through the provider, and no dev inbox exists', async () => {
      const t = await h.createTenant('sms');
      const phone = '13700001111';
      const sent = await h.gql<{ residentRequestCode: { sentTo: string } }>(
        null,
        REQUEST_CODE,
        { i: { phone } },
        atTenant(t.code),
      );
      expect(sent.body.data!.residentRequestCode.sentTo).toBe('137****1111');
      const msg = fake.received.find((m) => m.phone === phone)!;
      expect(msg).toMatchObject({ signName: '某县综治中心', templateCode: TEMPLATES.VERIFY_CODE });
      const v = await h.gql<{ residentVerify: { token: string } }>(
        null,
        VERIFY,
        { i: { phone, code: msg.params['code'] } },
        atTenant(t.code),
      );
      expect(v.body.data!.residentVerify.token).toBeTruthy();
      expect(
        (await h.gql<{ residentCases: unknown[] }>(v.body.data!.residentVerify.token, MY_CASES)).body.data!
          .residentCases,
      ).toEqual([]);
      expect((await fetch(`${h.url}/dev/sms-inbox`)).status).toBe(404);
    });

    it('answers SMS_FAILED in Chinese when the provider refuses, and sends nothing', async () => {
      const t = await h.createTenant('smsx');
      fake.refuse('isv.MOBILE_NUMBER_ILLEGAL');
      const r = await h.gql<{ residentRequestCode: { sentTo: null; userErrors: { code: string; message: string }[] } }>(
        null,
        REQUEST_CODE,
        { i: { phone: '13700002222' } },
        atTenant(t.code),
      );
      expect(r.body.data!.residentRequestCode).toEqual({
        sentTo: null,
        expiresInSeconds: null,
        userErrors: [{ field: ['input', 'phone'], code: 'SMS_FAILED', message: '短信发送失败，请稍后再试。' }],
      });
    });
  });
});
