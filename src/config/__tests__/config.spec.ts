import { readFileSync } from 'node:fs';
import { CONFIG_KEYS, ConfigError, loadConfig } from '../config';

const problems = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('loadConfig', () => {
  it('names the bad variable', () => {
    expect(problems({ PORT: 'eighty' })[0]).toMatch(/^PORT:/);
    expect(problems({ DATABASE_URL: 'not a url' })[0]).toMatch(/^DATABASE_URL:/);
    expect(problems({ REDIS_PREFIX: 'a:b' })[0]).toMatch(/^REDIS_PREFIX:/);
  });

  it('uses the local issuer in development when no realm is configured', () => {
    expect(loadConfig({}).useLocalIssuer).toBe(true);
    expect(loadConfig({ KEYCLOAK_REALM_URL: 'https://sso.example.cn/realms/onedoor' }).useLocalIssuer).toBe(false);
  });

  it('refuses production without Keycloak, database or Redis', () => {
    const p = problems({ NODE_ENV: 'production' });
    expect(p.map((x) => x.split(':')[0])).toEqual(['KEYCLOAK_REALM_URL', 'DATABASE_URL', 'REDIS_URL']);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(4000);
  });

  it('has every variable documented in .env.example', () => {
    const documented = new Set([...readFileSync('.env.example', 'utf8').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    expect(CONFIG_KEYS.filter((k) => !documented.has(k))).toEqual([]);
  });
});
