import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { InvalidTokenError } from '../../../core/auth/token-verifier';
import { ResidentTokens } from '../resident-token';

const TENANT = { id: '0190e7b4-0000-7000-8000-000000000001', code: 'zhili' };
const SECRET = 'a-resident-token-secret-of-32-characters!';

describe('resident session tokens', () => {
  const tokens = new ResidentTokens(SECRET, 1800);

  it('round-trips phone, tenant and session, with a pseudonym for a subject', async () => {
    const { token, expiresAt } = await tokens.sign(TENANT, '13812345678');
    expect(tokens.claimsResident(token)).toBe(true);
    const c = await tokens.verify(token);
    expect(c).toMatchObject({ tenantId: TENANT.id, tenantCode: 'zhili', phone: '13812345678' });
    expect(c.subject).toMatch(/^resident:[0-9a-f]{20}$/);
    expect(c.subject).not.toContain('13812345678');
    expect(c.expiresAt).toEqual(expiresAt);
    // The same phone in another tenant is another pseudonym.
    expect(tokens.pseudonym('other', '13812345678')).not.toBe(c.subject);
  });

  it('refuses a token signed with another key, expired, or without its own typ', async () => {
    const other = new ResidentTokens('another-secret-that-is-32-characters-long', 1800);
    await expect(tokens.verify((await other.sign(TENANT, '13812345678')).token)).rejects.toBeInstanceOf(
      InvalidTokenError,
    );
    const past = new Date(Date.now() - 3 * 3600_000);
    await expect(tokens.verify((await tokens.sign(TENANT, '13812345678', past)).token)).rejects.toBeInstanceOf(
      InvalidTokenError,
    );
    const untyped = await new SignJWT({ tid: TENANT.id, tcode: TENANT.code, phone: '13812345678', sid: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('onedoor:resident')
      .setAudience('onedoor-resident')
      .setSubject('resident:x')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(SECRET));
    expect(tokens.claimsResident(untyped)).toBe(false);
    await expect(tokens.verify(untyped)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses alg none and asymmetric tokens dressed as resident tokens', async () => {
    const none = new UnsecuredJWT({ tid: TENANT.id, tcode: TENANT.code, phone: '1', sid: 'x' })
      .setIssuer('onedoor:resident')
      .setAudience('onedoor-resident')
      .setSubject('resident:x')
      .setIssuedAt()
      .setExpirationTime('10m')
      .encode();
    await expect(tokens.verify(none)).rejects.toBeInstanceOf(InvalidTokenError);
    const { privateKey } = await generateKeyPair('RS256');
    const rsa = await new SignJWT({ tid: TENANT.id, tcode: TENANT.code, phone: '1', sid: 'x' })
      .setProtectedHeader({ alg: 'RS256', typ: 'onedoor-resident+jwt' })
      .setIssuer('onedoor:resident')
      .setAudience('onedoor-resident')
      .setSubject('resident:x')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    expect(tokens.claimsResident(rsa)).toBe(true);
    await expect(tokens.verify(rsa)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('does not take a garbled token for a resident one', () => {
    expect(tokens.claimsResident('not.a.token')).toBe(false);
    expect(tokens.claimsResident('')).toBe(false);
  });
});
