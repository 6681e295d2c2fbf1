import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { accessLogRefusal } from '../../../../policy/child-records.ts';
import { consentChildFacts } from '../children/consent-child-facts.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { assertPrivacyOfficer } from '../access.ts';
import type { AuthorityContext } from '../context.ts';
import { formatPersonnummer } from '../children/personnummer.ts';
import {
  AuditChainBreak,
  AuditChainReport,
  AuditedChild,
  ConsentAuditEntry,
  ReleaseState,
  AuditStatisticsResult,
} from './audit-entry.type.ts';
import { confirmationsOf, releaseStateOf, type ReleaseState as State } from './release-state.ts';
import { verifyChains } from './verify-chain.ts';
import { assertPageSize } from '../../../../lib/pagination/page-size.ts';
import { auditEntriesPage, auditStatistics, type AuditFilter } from './audit-entries.ts';
import { Agency, ConsentScope } from '../../../../lib/federation/policy-enums.ts';
import { keptFrom } from '../../../../policy/young-persons-sphere.ts';
import { keptParts } from '../young-persons-sphere/kept-parts.ts';
import { DateTime } from '../../../../lib/scalars.ts';

@Resolver(() => ConsentAuditEntry)
export class AuditResolver {
  @Query(() => [ConsentAuditEntry], {
    description:
      'Who saw, or was refused, which child’s data, newest first. Filter by child, requester, unit, agency, ' +
      'scope, outcome and time, all together; page with `before` = the `id` of the last entry of the previous ' +
      'page. Privacy officers only.',
  })
  async consentAuditLog(
    @Arg('childId', () => ID, { nullable: true }) childId: string | undefined,
    @Arg('requesterSubject', () => String, { nullable: true }) requesterSubject: string | undefined,
    @Arg('requesterUnit', () => String, { nullable: true }) requesterUnit: string | undefined,
    @Arg('requesterAgency', () => Agency, { nullable: true }) requesterAgency: string | undefined,
    @Arg('scope', () => ConsentScope, { nullable: true }) scope: string | undefined,
    @Arg('granted', () => Boolean, { nullable: true, description: 'Granted (true) or refused (false).' })
    granted: boolean | undefined,
    @Arg('from', () => DateTime, { nullable: true, description: 'From this instant, inclusive.' })
    from: Date | undefined,
    @Arg('to', () => DateTime, { nullable: true, description: 'Up to this instant, exclusive.' }) to: Date | undefined,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('before', () => ID, { nullable: true, description: 'The id of the last entry of the previous page.' })
    before: string | undefined,
    @Ctx() context: AuthorityContext,
  ): Promise<ConsentAuditEntry[]> {
    assertPrivacyOfficer(context.requester, 'read the audit log');
    if (childId != null && !isUuid(childId)) throw new BadUserInputError('childId', 'no child with this id');
    const filter = { childId, requesterSubject, requesterUnit, requesterAgency, scope, granted, from, to };
    return auditPage(
      context,
      Object.fromEntries(Object.entries(filter).filter(([, value]) => value != null)),
      first,
      before,
    );
  }

  @Query(() => AuditStatisticsResult, {
    description:
      'The log counted for pictures, in [from, to): staff reads per Swedish day and agency, refusals by reason, ' +
      'emergency reads per day. Privacy officers only.',
  })
  async auditStatistics(
    @Arg('from', () => DateTime) from: Date,
    @Arg('to', () => DateTime) to: Date,
    @Ctx() context: AuthorityContext,
  ): Promise<AuditStatisticsResult> {
    assertPrivacyOfficer(context.requester, 'read the audit log');
    return Object.assign(new AuditStatisticsResult(), await auditStatistics(context.prisma, from, to));
  }

  @Query(() => AuditChainReport, {
    description:
      'Checks the hash chains of consents, withdrawals, the audit log, release confirmations, reviews, emergency ' +
      'accesses and blocks from their first rows, and names the first break. Privacy officers.',
  })
  async auditChainReport(@Ctx() context: AuthorityContext): Promise<AuditChainReport> {
    assertPrivacyOfficer(context.requester, 'check the audit trail');
    const report = await verifyChains(context.prisma);
    return Object.assign(new AuditChainReport(), {
      ...report,
      firstBroken: report.firstBroken && Object.assign(new AuditChainBreak(), report.firstBroken),
    });
  }

  @Query(() => [ConsentAuditEntry], {
    description:
      'The family’s log (loggutdrag) of one child: who (name, role, agency, unit) read, or was refused, which ' +
      'categories of the child’s data, when, under which consent, newest first; page with `before`. For a ' +
      'guardian with custody and the child from 15.',
  })
  async childAccessLog(
    @Arg('childId', () => ID) childId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('before', () => ID, { nullable: true, description: 'The id of the last entry of the previous page.' })
    before: string | undefined,
    @Ctx() context: AuthorityContext,
  ): Promise<ConsentAuditEntry[]> {
    const refusal = accessLogRefusal(context.requester, await consentChildFacts(context, childId), context.clock());
    if (refusal) throw new ForbiddenError(refusal);
    if (keptFrom(context.requester, await keptParts(context.prisma, childId), 'ACCESS_LOG'))
      throw new ForbiddenError('the young person keeps their access log to themselves');
    return auditPage(context, { childId }, first, before);
  }

  @FieldResolver(() => ReleaseState)
  async release(@Root() entry: ConsentAuditEntry, @Ctx() context: AuthorityContext): Promise<State> {
    return releaseStateOf(entry, await confirmationsOf(context, entry.requestId));
  }

  /** The privacy officer sees who a log entry is about here, not by listing children. */
  @FieldResolver(() => AuditedChild, { nullable: true })
  async child(@Root() entry: ConsentAuditEntry, @Ctx() context: AuthorityContext): Promise<AuditedChild | null> {
    const row = await context.loaders.childById.load(entry.childId);
    return (
      row &&
      Object.assign(new AuditedChild(), {
        personnummer: formatPersonnummer(row.personnummer),
        givenName: row.givenName,
        familyName: row.familyName,
      })
    );
  }
}

/** One page of the log, newest first, after the entry `before`. */
async function auditPage(
  context: AuthorityContext,
  filter: AuditFilter,
  first: number,
  before: string | undefined,
): Promise<ConsentAuditEntry[]> {
  assertPageSize(first);
  const rows = await auditEntriesPage(context.prisma, filter, first, before);
  return rows.map((row) => Object.assign(new ConsentAuditEntry(), row));
}
