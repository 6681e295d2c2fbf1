import { Kind, parse, type DirectiveNode, type FieldDefinitionNode } from 'graphql';
import { ENTITY_OWNERS, SUBGRAPH_AGENCY, type SubgraphName } from '../../policy/agencies.ts';
import { CONSENT_SCOPES, isConsentScope } from '../../policy/scopes.ts';
import { consentPolicyOf } from './consent.directive.ts';
import type { PolicyDiff, PolicyField, PolicyReport } from './policy-report.types.ts';

const joinGraphOf = (field: FieldDefinitionNode): string | null => {
  const join = (field.directives ?? []).find((d: DirectiveNode) => d.name.value === 'join__field');
  const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
  return graph?.kind === Kind.ENUM ? graph.value.toLowerCase() : null;
};

/**
 * Every field of a composed supergraph that crosses an agency boundary (contributed to an entity
 * another subgraph owns), with its scope, the owning agency, what the scope covers and the fields
 * that share it; the reasoned exemptions; and any field with no policy at all.
 */
export function policyReport(supergraphSdl: string): PolicyReport {
  const fields: PolicyField[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const owner = ENTITY_OWNERS[definition.name.value];
    if (!owner) continue;
    for (const field of definition.fields ?? []) {
      const subgraph = joinGraphOf(field);
      if (!subgraph || subgraph === owner) continue;
      const { scope, exemptReason } = consentPolicyOf(field);
      fields.push({
        field: `${definition.name.value}.${field.name.value}`,
        subgraph,
        agency: SUBGRAPH_AGENCY[subgraph as SubgraphName] ?? null,
        scope,
        covers: scope && isConsentScope(scope) ? CONSENT_SCOPES[scope].descriptions.en : null,
        sharesScopeWith: [],
        exemptReason,
      });
    }
  }
  for (const entry of fields)
    entry.sharesScopeWith = fields
      .filter((other) => other !== entry && entry.scope !== null && other.scope === entry.scope)
      .map((other) => other.field);
  const byField = (a: PolicyField, b: PolicyField) => a.field.localeCompare(b.field);
  return {
    guarded: fields.filter((f) => f.scope !== null).sort(byField),
    exempt: fields.filter((f) => f.scope === null && f.exemptReason !== null).sort(byField),
    withoutPolicy: fields.filter((f) => f.scope === null && f.exemptReason === null).sort(byField),
  };
}

const policyOf = (field: PolicyField) =>
  field.scope !== null ? `@consent(${field.scope})` : field.exemptReason !== null ? 'exempt' : null;

/** What a change of the supergraph does to the policy: what a privacy officer reads in a review. */
export function policyDiff(beforeSdl: string, afterSdl: string): PolicyDiff {
  const all = (report: PolicyReport) =>
    new Map([...report.guarded, ...report.exempt, ...report.withoutPolicy].map((f) => [f.field, f]));
  const before = all(policyReport(beforeSdl));
  const after = all(policyReport(afterSdl));
  const diff: PolicyDiff = {
    becameGuarded: [],
    becameUnguarded: [],
    changedScope: [],
    addedWithoutPolicy: [],
    added: [],
    removed: [],
  };
  for (const [name, now] of after) {
    const then = before.get(name);
    const change = { field: name, before: then ? policyOf(then) : null, after: policyOf(now) };
    if (!then) (now.scope === null && now.exemptReason === null ? diff.addedWithoutPolicy : diff.added).push(change);
    else if (then.scope === null && now.scope !== null) diff.becameGuarded.push(change);
    else if (then.scope !== null && now.scope === null) diff.becameUnguarded.push(change);
    else if (then.scope !== now.scope) diff.changedScope.push(change);
  }
  for (const [name, then] of before)
    if (!after.has(name)) diff.removed.push({ field: name, before: policyOf(then), after: null });
  return diff;
}
