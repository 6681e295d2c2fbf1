import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { fromServiceRequest } from '../fhir/care-resources.ts';
import { connectionOf } from '../../../lib/pagination/connection.ts';
import { toLocalDate } from '../../../lib/periods.ts';

export enum ReferralStatus {
  SENT = 'SENT',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  COMPLETED = 'COMPLETED',
}

registerEnumType(ReferralStatus, { name: 'ReferralStatus' });

@ObjectType({ description: 'A referral (remiss) from one care unit to another.' })
export class Referral {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  fromUnit!: string;

  @Field(() => String)
  toUnit!: string;

  @Field(() => GraphQLLocalDate)
  sentOn!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => ReferralStatus)
  status!: ReferralStatus;
}

export const ReferralConnection = connectionOf(Referral, 'Referral');

export const toReferral = ({
  id,
  fromUnit,
  toUnit,
  sentOn,
  reason,
  status,
}: ReturnType<typeof fromServiceRequest>): Referral =>
  Object.assign(new Referral(), { id, fromUnit, toUnit, sentOn: toLocalDate(sentOn), reason, status });
