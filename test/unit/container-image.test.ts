import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/**
 * The image is built with `COPY . .`: whatever .dockerignore does not exclude goes into it. Keys
 * from `npm run keys > .env` reach a container through its environment, never its image.
 */
describe('the container image', () => {
  const ignored = read('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it('leaves out .env and every other secret file, the local data and the installed packages', () => {
    for (const pattern of ['.env', '.env.*', '*.pem', '*.key', '.data', 'node_modules', '.git'])
      expect(ignored, pattern).toContain(pattern);
  });

  it('copies no secret in explicitly, and the compose file names what it needs instead of starting without it', () => {
    expect(read('Dockerfile')).not.toMatch(/COPY[^\n]*\.env|ENV[^\n]*(JWK|KEY)=/);
    const compose = read('docker-compose.yml');
    expect(compose).toContain("AUTH_PUBLIC_JWK: '${AUTH_PUBLIC_JWK:?run npm run keys > .env first");
    expect(compose).toContain("AUDIT_ANCHOR_KEY: '${AUDIT_ANCHOR_KEY:?run npm run keys > .env first");
  });
});
