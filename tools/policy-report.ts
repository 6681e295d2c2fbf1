/**
 * `npm run policy:report [supergraph]`: every cross-agency field of the composed graph with its
 * consent scope, the owning agency, what the scope covers and which fields share it; every
 * exemption with its reason; and any field without a policy. Markdown, for a privacy officer or a
 * code review. Default: the committed schema/supergraph.graphql.
 */
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from '../gateway/supergraph.ts';
import { policyReport } from '../lib/consent/policy-report.ts';

const file = process.argv[2] ?? SUPERGRAPH_FILE;
const report = policyReport(readFileSync(file, 'utf8'));
const cell = (text: string | null) => (text ?? '–').replaceAll('|', '\\|');

console.log(`# The consent policy of ${file.replace(`${process.cwd()}/`, '')}\n`);
console.log(`## Guarded fields (${report.guarded.length})\n`);
console.log('| field | subgraph | agency | scope | what the scope covers | shares the scope with |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const f of report.guarded)
  console.log(
    `| ${f.field} | ${f.subgraph} | ${cell(f.agency)} | ${f.scope} | ${cell(f.covers)} | ` +
      `${cell(f.sharesScopeWith.join(', ') || null)} |`,
  );
console.log(`\n## Exemptions (${report.exempt.length})\n`);
for (const f of report.exempt) console.log(`- ${f.field} (${f.subgraph}): ${f.exemptReason}`);
if (report.exempt.length === 0) console.log('None.');
console.log(`\n## Without a policy (${report.withoutPolicy.length})\n`);
for (const f of report.withoutPolicy) console.log(`- ${f.field} (${f.subgraph})`);
if (report.withoutPolicy.length === 0) console.log('None: every cross-agency field is guarded or exempt.');
