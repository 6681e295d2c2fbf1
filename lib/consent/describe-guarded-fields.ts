import { Kind, visit, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import { isConsentScope, scopePhrase } from '../../policy/scopes.ts';
import { consentPolicyOf } from './consent.directive.ts';

/** What every guarded field's documentation says, after its own description. */
export function guardedFieldNote(scope: string): string {
  return (
    `Guarded by consent, scope ${scope}${isConsentScope(scope) ? `: ${scopePhrase(scope)}.` : '.'} ` +
    "Another agency's staff get it only under the family's consent; " +
    'when it is withheld the value is null and the response has an error at this path with `extensions.code` ' +
    'CONSENT_REQUIRED (and a stable `extensions.reason`) or CONSENT_UNAVAILABLE. Records the family blocked one ' +
    "by one are left out of lists, and an error RECORDS_LEFT_OUT at this path says how many of the category's " +
    'records are kept from the reader: the same number on every page and for every date range.'
  );
}

/**
 * Adds to each `@consent` field's description its scope and what a client gets when it is
 * withheld, so the schema a client introspects (GraphiQL's docs, code generators) says which
 * fields may be withheld: the directive itself is not part of the API schema.
 */
export const describeGuardedFields = (document: DocumentNode): DocumentNode =>
  visit(document, {
    FieldDefinition(field: FieldDefinitionNode) {
      const { scope } = consentPolicyOf(field);
      if (scope === null) return undefined;
      const own = field.description?.value.trim();
      const value = own ? `${own}\n\n${guardedFieldNote(scope)}` : guardedFieldNote(scope);
      return { ...field, description: { kind: Kind.STRING, value, block: true } };
    },
  });
