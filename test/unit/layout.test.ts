import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.includes('client/'))
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

/**
 * The room a file lives in: its folder, two levels deep (lib/consent, subgraphs/school, dev/demo),
 * and the SIP core's wings (subgraphs/sip/consent-authority, subgraphs/sip/workflow) each a room.
 */
function roomOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'subgraphs' && parts[1] === 'sip' && parts.length > 3) return parts.slice(0, 3).join('/');
  if (parts[0] === 'console') return 'console';
  return parts.slice(0, parts.length > 2 ? 2 : 1).join('/');
}

/** Every loop among the rooms, each as the path that closes it. */
function loopsAmongRooms(folders: string[]): string[] {
  const doors = new Map<string, Set<string>>();
  for (const { file, target } of importsOf(folders)) {
    const [from, to] = [roomOf(file), roomOf(target)];
    if (from !== to) doors.set(from, (doors.get(from) ?? new Set()).add(to));
  }
  const loops: string[] = [];
  const onPath: string[] = [];
  const done = new Set<string>();
  const walk = (room: string) => {
    onPath.push(room);
    for (const next of doors.get(room) ?? []) {
      if (onPath.includes(next)) loops.push([...onPath.slice(onPath.indexOf(next)), next].join(' → '));
      else if (!done.has(next)) walk(next);
    }
    onPath.pop();
    done.add(room);
  };
  for (const room of doors.keys()) if (!done.has(room)) walk(room);
  return loops;
}

describe('the layout', () => {
  it('draws a house whose rooms (folders) import one way only: no loop among them', () => {
    const folders = [
      'policy',
      'lib',
      'subgraphs',
      'gateway',
      'routers',
      'standins',
      'console/src',
      'family/src',
      'workspace/src',
      'web',
      'dev',
      'tools',
      'bench',
    ];
    expect(loopsAmongRooms(folders)).toEqual([]);
  });

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
    const runtime = ['lib', 'gateway', 'subgraphs', 'routers', 'console/src', 'web'].flatMap((folder) =>
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
