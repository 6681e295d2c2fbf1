import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '../../../lib/errors.ts';
import { isUuid } from '../../../lib/uuid.ts';
import { assertPrivacyOfficer } from '../access.ts';
import type { SipContext } from '../context.ts';
import { formatPersonnummer } from '../personnummer.ts';
import { AuditedChild, ConsentAuditEntry } from './audit-entry.type.ts';
import { assertPageSize } from '../../../lib/pagination/page-size.ts';

@Resolver(() => ConsentAuditEntry)
export class AuditResolver {
  @Query(() => [ConsentAuditEntry], {
    description:
      'Who saw, or was refused, which child’s data, newest first. Filter by child and/or requester; page with ' +
      '`before` = the last decidedAt seen. Privacy officers only.',
  })
  async consentAuditLog(
    @Arg('childId', () => ID, { nullable: true }) childId: string | undefined,
    @Arg('requesterSubject', () => String, { nullable: true }) requesterSubject: string | undefined,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('before', () => ID, { nullable: true, description: 'The id of the last entry of the previous page.' })
    before: string | undefined,
    @Ctx() context: SipContext,
  ): Promise<ConsentAuditEntry[]> {
    assertPrivacyOfficer(context.requester, 'read the audit log');
    assertPageSize(first);
    if (childId != null && !isUuid(childId)) throw new BadUserInputError('childId', 'no child with this id');
    if (before != null && !isUuid(before)) throw new BadUserInputError('before', 'must be the id of an audit entry');
    const rows = await context.prisma.consentDecisionAudit.findMany({
      where: { ...(childId != null && { childId }), ...(requesterSubject != null && { requesterSubject }) },
      orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }],
      take: first,
      ...(before != null && { cursor: { id: before }, skip: 1 }),
    });
    return rows.map((row) => Object.assign(new ConsentAuditEntry(), row));
  }

  /** The privacy officer sees who a log entry is about here, not by listing children. */
  @FieldResolver(() => AuditedChild, { nullable: true })
  async child(@Root() entry: ConsentAuditEntry, @Ctx() context: SipContext): Promise<AuditedChild | null> {
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
