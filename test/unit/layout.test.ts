import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.includes('client/'))
    .map((file) => join(folder, file));
}

/** Every relative import of the folders' files, as a path from the project root. */
function importsOf(folders: string[]): Array<{ file: string; target: string }> {
  return folders
    .flatMap(sourceFiles)
    .flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map(
        ([, specifier]) => ({ file, target: relative(root, resolve(root, dirname(file), specifier)) }),
      ),
    );
}

describe('the layout', () => {
  it('keeps the policy free of runtime, database and server code', () => {
    const outside = importsOf(['policy']).filter(({ target }) => !target.startsWith('policy/'));
    expect(outside).toEqual([]);
  });

  it('proves each rule of the policy in a test beside its file', () => {
    const rules = readdirSync(join(root, 'policy')).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.fixtures.ts'),
    );
    const untested = rules.filter((file) => !existsSync(join(root, 'policy', file.replace(/\.ts$/, '.test.ts'))));
    expect(untested).toEqual([]);
  });

  it('decides on roles only in the policy and where tokens are read: no role compared anywhere else', () => {
    const comparison = /\brole\s*[!=]==|[!=]==\s*Role\.|Role\.\w+\s*[!=]==|switch\s*\([\w.]*\brole\)|case Role\./;
    const runtime = ['lib', 'gateway', 'subgraphs', 'routers', 'console/src'].flatMap((folder) =>
      readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file) && !file.includes('client/'))
        .map((file) => join(folder, file)),
    );
    const comparing = runtime
      .filter((file) => !file.startsWith('lib/auth/'))
      .filter((file) => comparison.test(readFileSync(join(root, file), 'utf8')));
    expect(comparing).toEqual([]);
  });

  it('keeps the consent authority free of the SIP workflow, which stands on it', () => {
    const authority = 'subgraphs/sip/consent-authority/';
    // Nor the SIP core's wiring (subgraphs/sip/*.ts), which imports both wings.
    const upward = importsOf([authority]).filter(
      ({ target }) => target.startsWith('subgraphs/sip/') && !target.startsWith(authority),
    );
    expect(upward).toEqual([]);
  });

  it('keeps runtime code free of tools, development code, demo data, stand-ins and tests', () => {
    const wrongWay = importsOf(['lib', 'gateway', 'subgraphs', 'policy']).filter(({ target }) =>
      /^(dev|tools|test|bench|standins)\//.test(target),
    );
    expect(wrongWay).toEqual([]);
  });
});
