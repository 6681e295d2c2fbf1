import { BadUserInputError } from '../../../../lib/errors.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import type { ConsentChildFacts } from '../../../../policy/consent-provenance.ts';
import type { AuthorityContext } from '../context.ts';
import { custodianIdsOf } from '../open-sip.ts';

/** Who speaks for a child (its custodians, the child from 15), through the request's loaders. */
export async function consentChildFacts(context: AuthorityContext, childId: string): Promise<ConsentChildFacts> {
  const child = isUuid(childId) ? await context.loaders.childById.load(childId) : null;
  if (!child) throw new BadUserInputError('childId', 'no child with this id');
  const guardianships = await context.loaders.guardianshipsByChildId.load(childId);
  return { childId, childDateOfBirth: child.dateOfBirth, custodianIds: custodianIdsOf(guardianships) };
}
