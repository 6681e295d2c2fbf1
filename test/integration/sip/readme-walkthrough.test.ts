import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS } from '../../../dev/dev-identity.ts';
import { settableClock } from '../../support/consent-fixtures.ts';
import { startTestGraph, type Persona, type TestGraph } from '../../support/test-graph.ts';

/**
 * Every GraphQL block of the README, run as written, in order, as the persona its annotation names
 * (`<!-- readme-test: {"as": …} -->` above the block), on the demo data as `npm start` writes it.
 * A block's annotation may keep values of its answer for later blocks' `<placeholders>`, and say
 * that the persona is refused. Answers may withhold what consent does not release (that is the
 * product), but nothing else may fail.
 */
interface Annotation {
  as: Persona | Persona[];
  keep?: Record<string, string>;
  refused?: boolean;
}

const README = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');
const BLOCKS = [...README.matchAll(/(?:<!-- readme-test: (\{[\s\S]*?\}) -->\n)?```graphql\n([\s\S]*?)```/g)].map(
  ([, annotation, query], index) => ({
    index,
    annotation: annotation ? (JSON.parse(annotation) as Annotation) : null,
    query,
  }),
);
// What consent and blocks withhold is the answer; anything else is a broken README.
const DATA_OUTCOMES = ['CONSENT_REQUIRED', 'RECORDS_LEFT_OUT'];

/** `a.b[key=value].c` in an answer. */
function pick(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, segment) => {
    const [, name, key, wanted] = /^(\w+)(?:\[(\w+)=([^\]]+)\])?$/.exec(segment)!;
    const next = (value as Record<string, unknown>)?.[name];
    return key ? (next as Array<Record<string, unknown>>).find((item) => String(item[key]) === wanted) : next;
  }, data);
}

describe("the README's queries and walkthrough", () => {
  let graph: TestGraph;
  // The demo is written at this instant, so the README's dates (a meeting in January) lie ahead.
  beforeAll(async () => void (graph = await startTestGraph({ clock: settableClock('2026-12-07T08:00:00.000Z') })));

  it('annotates every GraphQL block with who runs it', () => {
    expect(BLOCKS.length).toBeGreaterThan(10);
    expect(BLOCKS.filter((block) => !block.annotation).map((block) => block.query)).toEqual([]);
    for (const { annotation } of BLOCKS)
      for (const persona of [annotation?.as ?? []].flat()) expect(Object.keys(DEMO_PERSONAS)).toContain(persona);
  });

  it('runs every block as written, in order, each answered as the README says', async () => {
    const kept = new Map<string, string>();
    for (const { index, annotation, query } of BLOCKS) {
      if (!annotation) throw new Error(`block ${index + 1} says nothing of who runs it`);
      const written = query.replace(/<[^<>\n]+>/g, (placeholder) => kept.get(placeholder) ?? placeholder);
      for (const as of [annotation.as].flat()) {
        const response = await graph.query(written, {}, as);
        const failures = (response.errors ?? []).filter((error) => !DATA_OUTCOMES.includes(error.extensions?.code));
        const where = `block ${index + 1} as ${as}: ${JSON.stringify(response.errors)}`;
        if (annotation.refused) expect(failures.length, where).toBeGreaterThan(0);
        else expect(failures, where).toEqual([]);
        for (const [placeholder, path] of Object.entries(annotation.keep ?? {})) {
          const value = pick(response.data, path);
          expect(value, `${placeholder} from block ${index + 1}`).toBeDefined();
          kept.set(placeholder, String(value));
        }
      }
    }
    // Juni's plan was signed by all four, and Johan's limitation took effect.
    const [signed] = (
      await graph.query(
        `{ child(id: "11111111-0000-4000-8000-000000000008") { sips { currentVersion { fullySigned } } } }`,
        {},
        'child, 16 (Juni Berg)',
      )
    ).data!.child.sips;
    expect(signed.currentVersion.fullySigned).toBe(true);
    const alva = await graph.query(
      `{ child(id: "11111111-0000-4000-8000-000000000001") { careContacts { unitName } } }`,
      {},
      'school counsellor',
    );
    expect(alva.errors?.[0].extensions).toMatchObject({ code: 'CONSENT_REQUIRED', reason: 'SCOPE_NOT_COVERED' });
  });
});
