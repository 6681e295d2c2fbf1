import DataLoader from 'dataloader';
import { ForbiddenError } from '../../../../lib/errors.ts';
import { childRecordAccess, type ChildRecord, type ChildRecordAccess } from '../../../../policy/child-records.ts';
import { consentsInEffect } from '../../../../policy/consent-rule.ts';
import { byRequester, storeAudit } from '../audit/store-audit.ts';
import { cachedConsentFacts } from '../consent/consent-facts-cache.ts';
import type { AuthorityContext } from '../context.ts';

interface RecordRead {
  childId: string;
  record: ChildRecord;
  /** What was read, e.g. Child.personnummer. */
  field: string;
}

const readsOfRequest = new WeakMap<AuthorityContext, DataLoader<RecordRead, true>>();
const lookupsOfRequest = new WeakMap<AuthorityContext, Map<string, string>>();

/** Children this request looked up by personnummer (or registered), with the purpose stated. */
function lookups(context: AuthorityContext): Map<string, string> {
  let known = lookupsOfRequest.get(context);
  if (!known) lookupsOfRequest.set(context, (known = new Map()));
  return known;
}

/** The requester looked this child up by exact personnummer, for `purpose`; their reads in this request may follow. */
export function rememberLookup(context: AuthorityContext, childId: string, purpose: string): void {
  lookups(context).set(childId, purpose);
}

/**
 * Decides every read of a child's SIP-core records in one tick at once, and logs the staff's and
 * privacy officer's reads (granted or refused) before any is served: one row per child and
 * record, naming the fields. If the log cannot be written, nothing is served.
 */
function createReads(context: AuthorityContext) {
  return new DataLoader<RecordRead, true, string>(
    async (reads) => {
      const at = context.clock();
      const childIds = reads.map((read) => read.childId);
      const facts = await cachedConsentFacts(context.prisma, childIds);
      const groups = new Map<string, { childId: string; record: ChildRecord; fields: string[] }>();
      for (const read of reads) {
        const key = `${read.childId}/${read.record}`;
        const group = groups.get(key) ?? { childId: read.childId, record: read.record, fields: [] };
        if (!group.fields.includes(read.field)) group.fields.push(read.field);
        groups.set(key, group);
      }
      const decide = (childId: string, record: ChildRecord): ChildRecordAccess | null => {
        const child = facts.get(childId);
        if (!child) return null;
        return childRecordAccess(
          context.requester,
          record,
          {
            childId,
            childDateOfBirth: child.child.dateOfBirth,
            guardianIds: child.guardianIds,
            sips: child.child.sips,
            consents: consentsInEffect(child.consents, child.child, at),
            lookedUp: lookups(context).has(childId),
          },
          at,
        );
      };
      const decided = new Map<
        string,
        { childId: string; record: ChildRecord; fields: string[]; decision: ChildRecordAccess | null }
      >();
      for (const [key, group] of groups) decided.set(key, { ...group, decision: decide(group.childId, group.record) });
      const { requester, requestId } = context;
      await storeAudit(
        context.prisma,
        [...decided.values()].flatMap(({ childId, record, fields, decision }) =>
          decision?.granted === false || decision?.logged
            ? [
                {
                  ...byRequester(requester, requestId),
                  childId,
                  kind: record,
                  scope: null,
                  fields,
                  purpose: lookups(context).get(childId) ?? null,
                  subgraph: 'sip',
                  granted: decision.granted,
                  reason: decision.granted ? null : 'NO_RELATION',
                  consentId: null,
                  decidedAt: at,
                },
              ]
            : [],
        ),
      );
      return reads.map((read) => {
        const decision = decided.get(`${read.childId}/${read.record}`)!.decision;
        if (decision === null) return new ForbiddenError('no child with this id');
        return decision.granted ? true : new ForbiddenError(decision.reason);
      });
    },
    { cacheKeyFn: (read) => `${read.childId}/${read.record}/${read.field}` },
  );
}

/**
 * Refuses (FORBIDDEN) unless the requester may read this record of the child; a staff or
 * privacy officer's read is logged first.
 */
export async function assertMayRead(context: AuthorityContext, read: RecordRead): Promise<void> {
  let reads = readsOfRequest.get(context);
  if (!reads) readsOfRequest.set(context, (reads = createReads(context)));
  await reads.load(read);
}
