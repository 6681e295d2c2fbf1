import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Child } from '../../consent-authority/children/child.type.ts';
import type { SipContext } from '../context.ts';
import { visibleSips } from './sip-access.ts';
import { toSip } from './sip.mapper.ts';
import { Sip } from './sip.type.ts';

/** The SIP core's `Child.sips`: the child's SIPs the requester may see; the others are left out. */
@Resolver(() => Child)
export class ChildSipsResolver {
  @FieldResolver(() => [Sip], {
    description:
      "The child's SIPs the requester may see (as a participant, " +
      'a guardian with custody, or the child from 15), newest first.',
  })
  async sips(@Root() child: Child, @Ctx() context: SipContext): Promise<Sip[]> {
    return (await visibleSips(context, await context.loaders.sipsByChildId.load(child.id))).map(toSip);
  }
}
