import type { GraphQLResolverMap } from '@apollo/subgraph';
import { defaultFieldResolver, Kind, responsePathAsArray, type DocumentNode, type GraphQLFieldResolver } from 'graphql';
import type { Agency } from '../../policy/agencies.ts';
import { mayUseRootFields, readsOwnRecords } from '../../policy/agency-boundaries.ts';
import { isFamily, type Requester } from '../auth/requester.ts';
import type { FamilyReader } from './family-refusals.ts';
import { isConsentScope, type ConsentScope } from '../../policy/scopes.ts';
import { ForbiddenError } from '../errors.ts';
import type { ConsentRequestState } from './consent-request-state.ts';
import { consentPolicyOf } from './consent.directive.ts';
import { ConsentRequiredError, ConsentUnavailableError, RecordsLeftOutError } from './consent.errors.ts';
import { isList, leaveOutBlocked, withRecordsLeftOut } from './blocked-records.ts';

type Resolver = GraphQLFieldResolver<unknown, { requester?: Requester; consent?: ConsentRequestState }>;

/**
 * The child a guarded field is about: a `Child`'s own id, or the `childId` that any other entity
 * carrying a child's data provides (an agency subgraph `@requires` it from the entity's owner).
 */
const childIdOf = (typeName: string, source: unknown): unknown =>
  typeName === 'Child' ? (source as { id?: unknown } | null)?.id : (source as { childId?: unknown } | null)?.childId;

function guardField(resolve: Resolver, scope: ConsentScope, fieldName: string, ownerAgency: Agency | null): Resolver {
  return async (source, args, context, info) => {
    const { requester, consent: state } = context;
    // Fail closed: without a verified requester nothing guarded is served.
    if (!requester || !state) throw new ConsentUnavailableError(responsePathAsArray(info.path), scope);
    if (readsOwnRecords(requester.agency, ownerAgency)) return resolve(source, args, context, info);
    // Only a withheld field needs its path (for its error); most fields are served.
    const path = () => responsePathAsArray(info.path);
    const family = isFamily(requester) ? (requester.role as FamilyReader) : undefined;
    const childId = childIdOf(info.parentType.name, source);
    let decision;
    try {
      if (typeof childId !== 'string')
        throw new Error(`${info.parentType.name}.${fieldName} resolved without a child id`);
      decision = await state.decisions.load({ childId, scope, field: `${info.parentType.name}.${fieldName}` });
    } catch {
      if (typeof childId === 'string') state.releases.record(childId, scope, false);
      state.withheld.push(new ConsentUnavailableError(path(), scope, family));
      return null;
    }
    if (decision.granted) {
      const blocked = new Set(decision.blockedRecordIds ?? []);
      // Released only once the value is in hand: a resolver that fails releases nothing.
      let value;
      try {
        value = await resolve(source, args, blocked.size > 0 ? withRecordsLeftOut(context, blocked) : context, info);
      } catch (error) {
        state.releases.record(childId, scope, false);
        throw error;
      }
      if (blocked.size === 0) {
        state.releases.record(childId, scope, true);
        return value;
      }
      const kept = leaveOutBlocked(value, blocked);
      state.releases.record(childId, scope, kept !== null);
      if (kept === null) state.withheld.push(new ConsentRequiredError(path(), scope, 'BLOCKED', null, family));
      else if (decision.recordsLeftOut && isList(kept))
        state.withheld.push(new RecordsLeftOutError(path(), scope, decision.recordsLeftOut));
      return kept;
    }
    state.releases.record(childId, scope, false);
    state.withheld.push(new ConsentRequiredError(path(), scope, decision.reason, decision.consentId, family));
    return null;
  };
}

function ownAgencyOnly(resolve: Resolver, ownerAgency: Agency, fieldName: string): Resolver {
  return (source, args, context, info) => {
    if (!mayUseRootFields(context.requester?.agency ?? null, ownerAgency)) {
      throw new ForbiddenError(
        `${fieldName} serves ${ownerAgency} staff only; other agencies read this data through Child under consent`,
      );
    }
    return resolve(source, args, context, info);
  };
}

/**
 * Enforces the consent contract inside a subgraph, so it holds even when the subgraph is called
 * directly: every field marked `@consent` in the subgraph's SDL is served to another agency only on
 * a granted decision, else withheld (null, never an empty list that could be mistaken for none)
 * with an error at its path; an agency
 * subgraph's root fields serve its own staff only. Mutates `resolvers`.
 */
export function guardConsentFields(
  document: DocumentNode,
  resolvers: GraphQLResolverMap<unknown>,
  ownerAgency: Agency | null,
): void {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeName = definition.name.value;
    const typeResolvers = (resolvers[typeName] ??= {}) as Record<string, Resolver | { resolve?: Resolver }>;
    const isRoot = typeName === 'Query' || typeName === 'Mutation';
    for (const field of definition.fields ?? []) {
      const fieldName = field.name.value;
      const existing = typeResolvers[fieldName];
      const resolve: Resolver = (typeof existing === 'function' ? existing : existing?.resolve) ?? defaultFieldResolver;
      const { scope } = consentPolicyOf(field);
      if (scope !== null) {
        if (!isConsentScope(scope)) throw new Error(`${typeName}.${fieldName}: unknown consent scope "${scope}"`);
        if (field.type.kind === Kind.NON_NULL_TYPE)
          throw new Error(`${typeName}.${fieldName}: a guarded field must be nullable, so that withheld is null`);
        typeResolvers[fieldName] = guardField(resolve, scope, fieldName, ownerAgency);
      } else if (isRoot && ownerAgency !== null) {
        typeResolvers[fieldName] = ownAgencyOnly(resolve, ownerAgency, fieldName);
      }
    }
  }
}
