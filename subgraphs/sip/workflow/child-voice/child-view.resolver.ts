import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SipContext } from '../context.ts';
import { Sip } from '../process/sip.type.ts';
import { ChildView, ChildViewInput, ChildVoice } from './child-view.type.ts';
import { childViewsOf, giveChildView, myVoice } from './child-views.ts';

/** The child's own views in their SIP: written by the child, read by whom the child chose. */
@Resolver(() => Sip)
export class ChildViewResolver {
  @Mutation(() => ChildView, {
    description:
      'The child, at any age, says what they think before or after a meeting, into their open SIP, and chooses ' +
      'who taking part reads it.',
  })
  giveChildView(
    @Arg('sipId', () => ID) sipId: string,
    @Arg('input', () => ChildViewInput) input: ChildViewInput,
    @Ctx() context: SipContext,
  ): Promise<ChildView> {
    return giveChildView(context, sipId, input);
  }

  @Query(() => [ChildVoice], {
    description: 'For a child: their open SIPs, who takes part, and what they have said. Empty for anyone else.',
  })
  myVoice(@Ctx() context: SipContext): Promise<ChildVoice[]> {
    return myVoice(context);
  }

  @FieldResolver(() => [ChildView], {
    description: 'The child’s own views the requester may read: the child’s, or those the child shared with them.',
  })
  childViews(@Root() sip: Sip, @Ctx() context: SipContext): Promise<ChildView[]> {
    return childViewsOf(context, sip);
  }
}
