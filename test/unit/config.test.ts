import { describe, expect, it } from 'vitest';
import { readConfig } from '../../lib/config/config.ts';
import { maskPassword } from '../../lib/db/connection-url.ts';

describe('configuration from the environment', () => {
  it('uses the embedded database under DATA_DIR unless <NAME>_DATABASE_URL is set', () => {
    expect(readConfig({}).databaseLocation('school')).toEqual({ kind: 'embedded', dataDir: '.data/school', port: 0 });
    expect(readConfig({ DATA_DIR: '/var/sip' }).databaseLocation('school')).toEqual({
      kind: 'embedded',
      dataDir: '/var/sip/school',
      port: 0,
    });
    expect(readConfig({ SCHOOL_EMBEDDED_DATABASE_PORT: '5502' }).databaseLocation('school')).toMatchObject({
      port: 5502,
    });
    expect(readConfig({ SCHOOL_DATABASE_URL: 'postgres://db/school' }).databaseLocation('school')).toEqual({
      kind: 'server',
      url: 'postgres://db/school',
    });
  });

  it('reads ports from <SERVICE>_PORT', () => {
    expect(readConfig({}).port('gateway')).toBe(4000);
    expect(readConfig({ HEALTH_PORT: '5004' }).port('health')).toBe(5004);
    expect(readConfig({ HEALTH_PORT: '' }).port('health')).toBe(4004);
  });

  it('refuses two services, or a service and an embedded database, on one port, naming both variables', () => {
    expect(() => readConfig({ GATEWAY_PORT: '4001' })).toThrow(
      'bad configuration: GATEWAY_PORT and SIP_PORT are both 4001; give each its own port',
    );
    expect(() => readConfig({ HEALTH_EMBEDDED_DATABASE_PORT: '4000' })).toThrow(
      'bad configuration: GATEWAY_PORT and HEALTH_EMBEDDED_DATABASE_PORT are both 4000; give each its own port',
    );
    expect(() => readConfig({ GATEWAY_PORT: '0', SIP_PORT: '0' })).not.toThrow();
  });

  it('finds a subgraph at <NAME>_URL, else on its local port', () => {
    expect(readConfig({}).subgraphUrl('social')).toBe('http://localhost:4003/graphql');
    expect(readConfig({ SOCIAL_PORT: '5003' }).subgraphUrl('social')).toBe('http://localhost:5003/graphql');
    expect(readConfig({ SOCIAL_URL: 'http://social:4003/graphql' }).subgraphUrl('social')).toBe(
      'http://social:4003/graphql',
    );
  });

  it("locates an agency's system at <NAME>_<SOURCE>_URL: an API over HTTP, or a database", () => {
    expect(readConfig({}).sourceLocation('health', 'FHIR')).toBeUndefined();
    expect(
      readConfig({ HEALTH_FHIR_URL: 'https://fhir.region.se/R4', HEALTH_FHIR_TOKEN: 't' }).sourceLocation(
        'health',
        'FHIR',
      ),
    ).toEqual({ url: 'https://fhir.region.se/R4', token: 't', role: undefined, timeoutMs: 10_000 });
    // As docker-compose.yml and the README configure the case system: its database, as the read-only role.
    const caseSystem = { SOCIAL_CASE_SYSTEM_URL: 'postgres://sip_reader:reader@social-db:5432/social' };
    expect(readConfig(caseSystem).sourceLocation('social', 'CASE_SYSTEM')).toMatchObject({
      url: caseSystem.SOCIAL_CASE_SYSTEM_URL,
    });
    expect(() => readConfig({ HEALTH_FHIR_URL: 'ftp://fhir.region.se' }).sourceLocation('health', 'FHIR')).toThrow(
      'HEALTH_FHIR_URL=ftp://fhir.region.se is not a URL of the right kind',
    );
  });

  it('has the README defaults', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      seedDemoData: true,
      consentTimeoutMs: 2000,
      queryLimits: { maxDepth: 12, maxFields: 2000, maxAliases: 100, maxDirectives: 50 },
      introspection: 'staff',
      auth: { issuer: 'sip-graph-dev', audience: 'sip-graph' },
    });
  });

  it('refuses every bad value at once, naming the variable, its value and why, never a password', () => {
    expect(() =>
      readConfig({
        CONSENT_TIMEOUT_MS: 'garbage',
        HEALTH_PORT: '70000',
        SEED_DEMO_DATA: 'yes',
        SIP_DATABASE_URL: 'mysql://sip:hunter2@db/sip',
      }),
    ).toThrow(
      'bad configuration: SEED_DEMO_DATA=yes is neither true nor false; CONSENT_TIMEOUT_MS=garbage is not a number; ' +
        'HEALTH_PORT=70000 is above 65535; SIP_DATABASE_URL=mysql://sip:****@db/sip is not a URL of the right kind',
    );
  });

  it('masks the password of a database URL', () => {
    expect(maskPassword('postgres://sip:s3cret@db.example:5432/sip')).toBe('postgres://sip:****@db.example:5432/sip');
    expect(maskPassword('postgres://db.example/sip')).toBe('postgres://db.example/sip');
  });
});
