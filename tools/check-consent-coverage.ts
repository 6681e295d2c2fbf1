import { Kind, type DocumentNode, type TypeNode } from 'graphql';
import type { SubgraphName } from '../lib/config/config.ts';
import { consentPolicyOf } from '../lib/consent/consent.directive.ts';
import { stringArgument } from '../lib/consent/sdl-directives.ts';
import { ENTITY_OWNERS, SUBGRAPH_AGENCY } from '../policy/agencies.ts';
import { CONSENT_SCOPES, isConsentScope } from '../policy/scopes.ts';

/** Withheld data is served as null, or as an empty list: a guarded field must allow one of them. */
const canBeWithheld = (type: TypeNode) => type.kind !== Kind.NON_NULL_TYPE || type.type.kind === Kind.LIST_TYPE;

/**
 * The build-time guarantee behind the consent contract: every field a subgraph contributes to an
 * entity another subgraph owns carries a valid `@consent` scope of its own agency, or a
 * `@consentExempt` with a reason. Returns one message per problem, naming the field.
 */
export function checkConsentCoverage(subgraph: SubgraphName, document: DocumentNode): string[] {
  const problems: string[] = [];
  const agency = SUBGRAPH_AGENCY[subgraph];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeName = definition.name.value;
    const owner = ENTITY_OWNERS[typeName];
    const keyFields = new Set(
      (definition.directives ?? [])
        .filter((d) => d.name.value === 'key')
        .flatMap((d) => (stringArgument(d, 'fields') ?? '').split(/\s+/)),
    );
    for (const field of definition.fields ?? []) {
      const where = `${subgraph}: ${typeName}.${field.name.value}`;
      const { scope, exemptReason } = consentPolicyOf(field);
      // Key fields and @external fields are the owner's, only named here.
      const isOwners =
        keyFields.has(field.name.value) || (field.directives ?? []).some((d) => d.name.value === 'external');
      const crossesBoundary = owner !== undefined && owner !== subgraph && !isOwners;
      if (!crossesBoundary) {
        if (scope !== null || exemptReason !== null)
          problems.push(`${where} has @consent/@consentExempt but is not contributed to another subgraph's entity`);
        continue;
      }
      if (scope !== null && exemptReason !== null) {
        problems.push(`${where} has both @consent and @consentExempt`);
      } else if (scope !== null) {
        if (!isConsentScope(scope))
          problems.push(`${where} names an unknown consent scope "${scope}" (see policy/scopes.ts)`);
        else if (CONSENT_SCOPES[scope].agency !== agency)
          problems.push(
            `${where} uses scope ${scope}, which belongs to ${CONSENT_SCOPES[scope].agency}, not ${agency}`,
          );
        if (!canBeWithheld(field.type))
          problems.push(
            `${where} is non-null; a field under @consent must be nullable or a list, so it can be withheld`,
          );
      } else if (exemptReason !== null) {
        if (!exemptReason.trim()) problems.push(`${where} has @consentExempt without a reason`);
      } else {
        problems.push(
          `${where} is contributed to ${owner}'s ${typeName} without @consent(scope: …) or @consentExempt(reason: …)`,
        );
      }
    }
  }
  return problems;
}
