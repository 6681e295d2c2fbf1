import { DateTime } from '../../lib/scalars.ts';
import { Field, ID, ObjectType } from 'type-graphql';
import type { SocialCase as SocialCaseRow } from '../../prisma/social/client/client.ts';
import { Child } from './child.type.ts';
import { connectionOf } from '../../lib/pagination/connection.ts';

@ObjectType({ description: 'A social services case (ärende) about a child.' })
export class SocialCase {
  @Field(() => ID)
  id!: string;

  @Field(() => Child)
  child!: Child;

  @Field(() => String, { description: 'Diarienummer.' })
  caseNumber!: string;

  @Field(() => DateTime)
  openedAt!: Date;

  @Field(() => DateTime, { nullable: true })
  closedAt!: Date | null;

  @Field(() => String, { description: 'The handläggare responsible for the case.' })
  handlingOfficer!: string;
}

export const SocialCaseConnection = connectionOf(SocialCase, 'SocialCase');

export function toSocialCase({
  personnummer: _personnummer,
  childId,
  ...row
}: SocialCaseRow & { childId: string }): SocialCase {
  return Object.assign(new SocialCase(), { ...row, child: Object.assign(new Child(), { id: childId }) });
}
