/**
 * `npm run policy:diff -- <old supergraph> <new supergraph>`: what a schema change does to the
 * consent policy. Lists fields that became guarded or unguarded, changed scope, were added without
 * a policy, were added with one, or were removed. Exits 1 when a field lost its guard or came
 * without a policy, so a review cannot miss it.
 */
import { readFileSync } from 'node:fs';
import { policyDiff } from '../lib/consent/policy-report.ts';
import type { PolicyChange } from '../lib/consent/policy-report.types.ts';

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: npm run policy:diff -- <old supergraph.graphql> <new supergraph.graphql>');
  process.exit(2);
}
const diff = policyDiff(readFileSync(before, 'utf8'), readFileSync(after, 'utf8'));
const section = (title: string, changes: PolicyChange[]) => {
  console.log(`\n## ${title} (${changes.length})`);
  for (const { field, before: was, after: now } of changes) console.log(`- ${field}: ${was ?? '–'} → ${now ?? '–'}`);
};
console.log(`# The consent policy, ${before} → ${after}`);
section('Became unguarded', diff.becameUnguarded);
section('Added without a policy', diff.addedWithoutPolicy);
section('Changed scope', diff.changedScope);
section('Became guarded', diff.becameGuarded);
section('Added with a policy', diff.added);
section('Removed', diff.removed);
if (diff.becameUnguarded.length > 0 || diff.addedWithoutPolicy.length > 0) process.exit(1);
