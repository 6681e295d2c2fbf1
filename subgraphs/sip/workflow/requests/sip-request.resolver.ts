import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SipContext } from '../context.ts';
import { toSip } from '../process/sip.mapper.ts';
import { InitiativeInput } from '../process/sip.inputs.ts';
import { Sip } from '../process/sip.type.ts';
import { acceptSipRequest, familyRequests, refuseSipRequest, requestSip, requestWorklist } from './sip-requests.ts';
import { SipRequest, SipRequestInput } from './sip-request.type.ts';

/** A family asks for a SIP; the agencies they asked accept it (it becomes a SIP) or, exceptionally, refuse it. */
@Resolver(() => SipRequest)
export class SipRequestResolver {
  @Mutation(() => SipRequest, {
    description:
      'A guardian with custody, or the child from 15, asks for a SIP: what the family needs help with and which ' +
      'agencies are involved. One request waits at a time, and none while the child has an open SIP.',
  })
  requestSip(
    @Arg('input', () => SipRequestInput) input: SipRequestInput,
    @Ctx() context: SipContext,
  ): Promise<SipRequest> {
    return requestSip(context, input);
  }

  @Query(() => [SipRequest], {
    description: 'The requests for a SIP made for a child, newest first: for the child’s family.',
  })
  sipRequests(@Arg('childId', () => ID) childId: string, @Ctx() context: SipContext): Promise<SipRequest[]> {
    return familyRequests(context, childId);
  }

  @Query(() => [SipRequest], {
    description:
      'For staff: the requests waiting for an answer from their agency, oldest first, with the days waited. Each ' +
      'one shown is logged.',
  })
  sipRequestWorklist(@Ctx() context: SipContext): Promise<SipRequest[]> {
    return requestWorklist(context);
  }

  @Mutation(() => Sip, {
    description:
      'Staff of an agency asked accept a request: it becomes a SIP they start and take part in, the family’s ' +
      'answer already yes.',
  })
  async acceptSipRequest(
    @Arg('requestId', () => ID) requestId: string,
    @Arg('input', () => InitiativeInput) input: InitiativeInput,
    @Ctx() context: SipContext,
  ): Promise<Sip> {
    return toSip(await acceptSipRequest(context, requestId, input));
  }

  @Mutation(() => SipRequest, {
    description:
      'Staff of an agency asked refuse a request, which may be done only in exceptional cases: with a reason of ' +
      'at least 20 characters, shown to the family with how to complain, and reviewed by a privacy officer.',
  })
  refuseSipRequest(
    @Arg('requestId', () => ID) requestId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: SipContext,
  ): Promise<SipRequest> {
    return refuseSipRequest(context, requestId, reason);
  }
}
