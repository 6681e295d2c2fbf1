import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SipContext } from '../context.ts';
import { Sip } from '../process/sip.type.ts';
import { toMeeting } from './meeting.mapper.ts';
import { Meeting } from './meeting.type.ts';

/** A SIP's meetings. */
@Resolver(() => Sip)
export class SipMeetingsResolver {
  @FieldResolver(() => [Meeting], { description: 'Every meeting, scheduled or held, earliest first.' })
  async meetings(@Root() sip: Sip, @Ctx() context: SipContext): Promise<Meeting[]> {
    return (await context.loaders.meetingsBySipId.load(sip.id)).map(toMeeting);
  }
}
