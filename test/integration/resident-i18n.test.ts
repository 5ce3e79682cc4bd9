import { startHarness, type Harness } from '../utils/harness';
import { atTenant, REQUEST_CODE } from '../utils/resident';
import type { TenantRecord } from '../../src/modules/tenant/tenant.model';

/**
 * The resident channel came from main with Chinese sentences written into its services; after the
 * merge with issue 14 they are catalogue messages: Chinese by default, English on request, the
 * same codes and fields in both. Top-level refusals (the audience gate, rate limits) too.
 */
const CJK = /[\u4e00-\u9fff]/;
const EN = { 'accept-language': 'en-US,en;q=0.9' };
type Errors = { field: string[] | null; code: string; message: string }[];

describe('the resident channel in the request language', () => {
  let h: Harness;
  let t: TenantRecord;

  beforeAll(async () => {
    h = await startHarness({ RESIDENT_CODES_PER_PHONE_PER_HOUR: '1', RESIDENT_CODES_PER_IP_PER_HOUR: '1000' });
    t = await h.createTenant('ri18n');
  });
  afterAll(() => h.close());

  const requestCode = (phone: string, headers: Record<string, string> = {}) =>
    h.gql<{ residentRequestCode: { userErrors: Errors } | null }>(
      null,
      REQUEST_CODE,
      { i: { phone } },
      { ...atTenant(t.code), ...headers },
    );

  it('refuses a bad phone number in Chinese by default and in English on request', async () => {
    const zh = (await requestCode('12345')).body.data!.residentRequestCode!.userErrors;
    expect(zh).toEqual([{ field: ['input', 'phone'], code: 'PHONE_INVALID', message: '请输入11位手机号码。' }]);
    const en = (await requestCode('12345', EN)).body.data!.residentRequestCode!.userErrors;
    expect(en).toEqual([
      { field: ['input', 'phone'], code: 'PHONE_INVALID', message: 'Enter an 11-digit mobile number' },
    ]);
  });

  it('words the rate limit and its wait in the request language', async () => {
    const first = await requestCode('13800000001');
    expect(first.body.data!.residentRequestCode!.userErrors).toEqual([]);
    const zh = await requestCode('13800000001');
    expect(zh.body.errors![0]!.extensions!['code']).toBe('RATE_LIMITED');
    expect(zh.body.errors![0]!.message).toMatch(/^获取验证码过于频繁，请\d+(分钟|小时)后再试。$/);
    const en = await requestCode('13800000001', EN);
    expect(en.body.errors![0]!.extensions!['code']).toBe('RATE_LIMITED');
    expect(en.body.errors![0]!.message).toMatch(/^Too many code requests; try again in \d+ (min|h)$/);
  });

  it("refuses a staff token on a resident's operation in either language", async () => {
    const staff = await h.token({ tenants: [t.code], roles: ['intake-clerk'] });
    const zh = await h.gql(staff, '{ residentCases { number } }');
    expect(zh.body.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    expect(zh.body.errors![0]!.message).toMatch(CJK);
    expect(zh.body.errors![0]!.message).toContain('residentCases');
    const en = await h.gql(staff, '{ residentCases { number } }', undefined, EN);
    expect(en.body.errors![0]!.message).toBe(
      "These operations are for residents' own sessions, not staff tokens: residentCases",
    );
  });
});
