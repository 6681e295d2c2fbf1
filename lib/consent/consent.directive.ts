import type { FieldDefinitionNode } from 'graphql';
import { Directive } from 'type-graphql';
import type { ConsentScope } from '../../policy/scopes.ts';
import { findDirective, stringArgument } from './sdl-directives.ts';

export const CONSENT_SPEC_URL = 'https://specs.sip-graph.se/consent/v1.0';

/**
 * The directives as every subgraph declares them. `@composeDirective` carries them into the
 * supergraph, so the composed schema shows each field's policy next to the subgraph that resolves it.
 */
const CONSENT_DESCRIPTION =
  'Released to another agency’s staff only while they have a relation to the child, under a recorded consent ' +
  'that covers this scope, names them as a recipient and holds at the present moment.';
export const CONSENT_DIRECTIVE_SDL = `
"""${CONSENT_DESCRIPTION}"""
directive @consent(scope: String!) on FIELD_DEFINITION

"""Contributed to another subgraph's entity without consent; the reason says why that is lawful."""
directive @consentExempt(reason: String!) on FIELD_DEFINITION
`;

export const CONSENT_LINK =
  `@link(url: "${CONSENT_SPEC_URL}", import: ["@consent", "@consentExempt"]) ` +
  '@composeDirective(name: "@consent") @composeDirective(name: "@consentExempt")';

/** Marks a field an agency contributes about a child; the shared library enforces it. */
export const Consent = (scope: ConsentScope) => Directive(`@consent(scope: "${scope}")`);

/** Marks a contributed field that needs no consent, with the reason a privacy officer will read. */
export const ConsentExempt = (reason: string) => Directive(`@consentExempt(reason: ${JSON.stringify(reason)})`);

export interface ConsentPolicy {
  /** The `@consent` scope as written ('' if the argument is missing); null without `@consent`. */
  scope: string | null;
  /** The `@consentExempt` reason as written ('' if missing); null without `@consentExempt`. */
  exemptReason: string | null;
}

/** A field's consent directives as its SDL states them: what composition checks and the guard enforces. */
export function consentPolicyOf(field: FieldDefinitionNode): ConsentPolicy {
  const consent = findDirective(field, 'consent');
  const exempt = findDirective(field, 'consentExempt');
  return {
    scope: consent ? (stringArgument(consent, 'scope') ?? '') : null,
    exemptReason: exempt ? (stringArgument(exempt, 'reason') ?? '') : null,
  };
}
