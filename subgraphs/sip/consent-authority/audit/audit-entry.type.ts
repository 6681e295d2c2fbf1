import { DateTime } from '../../../../lib/scalars.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Agency, ConsentScope } from '../../../../lib/federation/policy-enums.ts';
import { DenialReason } from '../consent/consent.type.ts';
import { AUDIT_KINDS, type AuditKind } from './store-audit.ts';
import { RELEASE_STATES, type ReleaseState as State } from './release-state.ts';

export const ReleaseState = Object.fromEntries(RELEASE_STATES.map((state) => [state, state])) as {
  [K in State]: K;
};
registerEnumType(ReleaseState, {
  name: 'ReleaseState',
  description:
    'Whether the data left the graph: RELEASED (the asking subgraph confirmed it served it), WITHHELD (granted, ' +
    'but the subgraph withheld it after all), UNCONFIRMED (granted; no confirmation yet, so it may have been ' +
    'seen), NOT_RELEASED (refused).',
});

export const AuditedRead = Object.fromEntries(AUDIT_KINDS.map((kind) => [kind, kind])) as {
  [K in AuditKind]: K;
};
registerEnumType(AuditedRead, {
  name: 'AuditedRead',
  description:
    'What a logged read was of: another agency’s fields (CROSS_AGENCY), or the SIP core’s own record of the ' +
    'child’s identity (name, personnummer, guardians) or consents.',
});

@ObjectType({ description: 'The child a log entry is about, as the privacy officer reviewing the log sees them.' })
export class AuditedChild {
  @Field(() => String)
  personnummer!: string;

  @Field(() => String)
  givenName!: string;

  @Field(() => String)
  familyName!: string;
}

@ObjectType({
  description:
    'One decision about releasing another agency’s data: who, which child, what, under which consent, and the outcome.',
})
export class ConsentAuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The gateway request the decision belonged to.' })
  requestId!: string;

  @Field(() => String)
  requesterSubject!: string;

  @Field(() => String)
  requesterRole!: string;

  @Field(() => Agency, { nullable: true })
  requesterAgency!: Agency | null;

  @Field(() => String, { nullable: true })
  requesterUnit!: string | null;

  @Field(() => String, { nullable: true, description: 'The name in the requester’s token.' })
  requesterName!: string | null;

  @Field(() => ID)
  childId!: string;

  @Field(() => AuditedChild, { nullable: true, description: 'Null only if no child has this id.' })
  child?: AuditedChild | null;

  @Field(() => AuditedRead)
  kind!: AuditKind;

  @Field(() => ConsentScope, { nullable: true, description: 'The information category of a cross-agency read.' })
  scope!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the requester read it, when they had to state it (a lookup by personnummer).',
  })
  purpose!: string | null;

  @Field(() => [String], { description: 'The fields asked for, e.g. Child.careContacts.' })
  fields!: string[];

  @Field(() => String, { description: 'The subgraph that holds the data.' })
  subgraph!: string;

  @Field(() => Boolean)
  granted!: boolean;

  @Field(() => DenialReason, { nullable: true })
  reason!: keyof typeof DenialReason | null;

  @Field(() => ID, { nullable: true })
  consentId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The emergency access a read was granted under, instead of a consent.',
  })
  emergencyAccessId!: string | null;

  @Field(() => DateTime)
  decidedAt!: Date;

  @Field(() => ReleaseState)
  release?: State;
}

@ObjectType({ description: 'A link of the audit trail’s hash chain that does not hold.' })
export class AuditChainBreak {
  @Field(() => String, { description: 'Consent, ConsentWithdrawal or ConsentDecisionAudit.' })
  table!: string;

  @Field(() => String, { nullable: true, description: 'The row’s id; null when rows are missing at the end.' })
  row!: string | null;

  @Field(() => String)
  problem!: string;
}

@ObjectType({
  description:
    'Whether the consents, withdrawals and audit log are as they were stored: every row is chained to the one ' +
    'before by a hash, so a change, insertion or deletion that bypassed the database’s triggers shows here.',
})
export class AuditChainReport {
  @Field(() => Boolean)
  intact!: boolean;

  @Field(() => Int, { description: 'Rows checked.' })
  checked!: number;

  @Field(() => AuditChainBreak, { nullable: true, description: 'The first broken link.' })
  firstBroken!: AuditChainBreak | null;
}

@ObjectType()
export class ReadsPerDay {
  @Field(() => String, { description: 'A Swedish calendar day, YYYY-MM-DD.' })
  day!: string;

  @Field(() => Agency)
  agency!: Agency;

  @Field(() => Int)
  reads!: number;
}

@ObjectType()
export class RefusalCount {
  @Field(() => String)
  reason!: string;

  @Field(() => Int)
  refusals!: number;
}

@ObjectType()
export class EmergencyReadsPerDay {
  @Field(() => String, { description: 'A Swedish calendar day, YYYY-MM-DD.' })
  day!: string;

  @Field(() => Int)
  reads!: number;
}

@ObjectType({ description: 'The audit log counted for pictures.' })
export class AuditStatisticsResult {
  @Field(() => [ReadsPerDay], { description: 'Staff reads (granted or refused) per day and requester agency.' })
  readsPerDay!: ReadsPerDay[];

  @Field(() => [RefusalCount])
  refusalsByReason!: RefusalCount[];

  @Field(() => [EmergencyReadsPerDay], { description: 'Reads under emergency access, per day.' })
  emergencyReadsPerDay!: EmergencyReadsPerDay[];
}
