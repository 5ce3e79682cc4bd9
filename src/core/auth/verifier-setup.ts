import type { Config } from '../../config/config';
import { LocalIssuer, LOCAL_ISSUER_BASE_PATH, LOCAL_REALM } from './local-issuer';
import { OidcTokenVerifier, type TokenVerifier } from './token-verifier';
import { join } from 'node:path';

export const localIssuerUrl = (config: Config) =>
  `${(config.PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/+$/, '')}${LOCAL_ISSUER_BASE_PATH}/realms/${LOCAL_REALM}`;

export const localIssuerKeyFile = (config: Config) => join(config.DATA_DIR, 'local-issuer.json');

/**
 * Keycloak when a realm is configured; otherwise (never in production, which config refuses)
 * the built-in issuer, whose JWKS the server fetches from itself over HTTP like any realm's.
 */
export async function setupVerifier(config: Config): Promise<{ verifier: TokenVerifier; localIssuer?: LocalIssuer }> {
  const common = {
    clientId: config.KEYCLOAK_CLIENT_ID,
    clockSkewSeconds: config.AUTH_CLOCK_SKEW_SECONDS,
    jwksCooldownSeconds: config.AUTH_JWKS_COOLDOWN_SECONDS,
  };
  if (!config.useLocalIssuer)
    return { verifier: new OidcTokenVerifier({ realmUrl: config.KEYCLOAK_REALM_URL!, ...common }) };
  if (config.isProduction) throw new Error('The local development issuer is refused when NODE_ENV=production');
  const localIssuer = await LocalIssuer.openOrCreate(
    localIssuerKeyFile(config),
    localIssuerUrl(config),
    config.KEYCLOAK_CLIENT_ID,
  );
  return { verifier: new OidcTokenVerifier({ realmUrl: localIssuer.realmUrl, ...common }), localIssuer };
}
