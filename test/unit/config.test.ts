import { describe, expect, it } from 'vitest';
import { readDatabaseLocation, readPort, readSubgraphUrl } from '../../lib/config.ts';
import { maskPassword } from '../../lib/db/connection-url.ts';

describe('configuration from the environment', () => {
  it('uses the embedded database under DATA_DIR unless <NAME>_DATABASE_URL is set', () => {
    expect(readDatabaseLocation('school', {})).toEqual({ kind: 'embedded', dataDir: '.data/school' });
    expect(readDatabaseLocation('school', { DATA_DIR: '/var/sip' })).toEqual({
      kind: 'embedded',
      dataDir: '/var/sip/school',
    });
    expect(readDatabaseLocation('school', { SCHOOL_DATABASE_URL: 'postgres://db/school' })).toEqual({
      kind: 'server',
      url: 'postgres://db/school',
    });
  });

  it('reads ports from <SERVICE>_PORT and refuses a non-number', () => {
    expect(readPort('gateway', {})).toBe(4000);
    expect(readPort('health', { HEALTH_PORT: '5004' })).toBe(5004);
    expect(() => readPort('health', { HEALTH_PORT: 'abc' })).toThrow('HEALTH_PORT=abc is not a port number');
  });

  it('finds a subgraph at <NAME>_URL, else on its local port', () => {
    expect(readSubgraphUrl('social', {})).toBe('http://localhost:4003/graphql');
    expect(readSubgraphUrl('social', { SOCIAL_PORT: '5003' })).toBe('http://localhost:5003/graphql');
    expect(readSubgraphUrl('social', { SOCIAL_URL: 'http://social:4003/graphql' })).toBe('http://social:4003/graphql');
  });

  it('masks the password of a database URL', () => {
    expect(maskPassword('postgres://sip:s3cret@db.example:5432/sip')).toBe('postgres://sip:****@db.example:5432/sip');
    expect(maskPassword('postgres://db.example/sip')).toBe('postgres://db.example/sip');
  });
});
