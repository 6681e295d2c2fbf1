import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DeliveryState, SummonsKind } from '../../../../prisma/sip/client/enums.ts';
import { DateTime } from '../../../../lib/scalars.ts';
import { SipParticipant } from '../process/sip.type.ts';

registerEnumType(SummonsKind, {
  name: 'SummonsKind',
  description: 'Why it was sent: the meeting was BOOKED, MOVED (a new time, place or mode) or CANCELLED.',
});

registerEnumType(DeliveryState, {
  name: 'DeliveryState',
  description: 'QUEUED (waiting to be sent, or to be tried again), SENT, or FAILED (given up, with the reason).',
});

@ObjectType({
  description: 'How a summons is delivered beside the graph: by e-mail, to the address the recipient gave.',
})
export class SummonsDelivery {
  @Field(() => String, { description: 'EMAIL.' })
  channel!: string;

  @Field(() => String)
  address!: string;

  @Field(() => DeliveryState)
  state!: DeliveryState;

  @Field(() => Int, { description: 'Tries so far; each failure waits longer before the next.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last try failed.' })
  lastError!: string | null;

  @Field(() => DateTime, { nullable: true })
  sentAt!: Date | null;
}

@ObjectType({
  description:
    'A summons (kallelse) to one invited participant, written when the meeting was booked, moved or cancelled: ' +
    'the text in Swedish and an iCalendar invitation, as sent, to whom and when.',
})
export class Summons {
  @Field(() => ID)
  id!: string;

  @Field(() => SummonsKind)
  kind!: SummonsKind;

  @Field(() => SipParticipant)
  recipient!: SipParticipant;

  @Field(() => String)
  subject!: string;

  @Field(() => String, { description: 'The questions, time, place or link, who is invited, and the family’s wishes.' })
  body!: string;

  @Field(() => String, {
    description: 'The invitation as an iCalendar file (text/calendar; METHOD:CANCEL when cancelled), to download.',
  })
  ics!: string;

  @Field(() => String, {
    description: 'How it reached the recipient: GRAPH (their apps read it here), or the channel an adapter used.',
  })
  channel!: string;

  @Field(() => DateTime)
  sentAt!: Date;

  @Field(() => SummonsDelivery, {
    nullable: true,
    description: 'Its delivery by e-mail, where the recipient has an address; null where the apps alone carry it.',
  })
  delivery!: SummonsDelivery | null;
}
