import type {
  Consent as ConsentRow,
  ConsentWithdrawal as WithdrawalRow,
  Guardian as GuardianRow,
} from '../../../../prisma/sip/client/client.ts';
import { toGuardian } from '../children/child.mapper.ts';
import { Consent, ConsentWithdrawal, type ConsentStatus } from './consent.type.ts';
import { ConsentRecipients, NamedRecipient } from './recipients.type.ts';

/** A named recipient as stored in a consent's namedRecipients. */
export interface StoredRecipient {
  agency: NamedRecipient['agency'];
  unit: string;
  subject: string | null;
  name: string | null;
}

export type ConsentRowWithRelations = ConsentRow & {
  withdrawal: WithdrawalRow | null;
  replacedBy: { id: string; recordedAt: Date } | null;
};

/** The include that gives a consent row everything toConsent needs. */
export const CONSENT_INCLUDE = { withdrawal: true, replacedBy: { select: { id: true, recordedAt: true } } } as const;

/** A stored consent's recipients, as the policy compares them. */
export const recipientsOf = (row: Pick<ConsentRow, 'toSipParticipants' | 'namedRecipients' | 'agencies'>) => ({
  toSipParticipants: row.toSipParticipants,
  named: row.namedRecipients as unknown as StoredRecipient[],
  wholeAgencies: row.agencies,
});

/** A stored consent as the graph shows it, with its status and the guardians it waits for (see presentConsents). */
export function toConsent(
  row: ConsentRowWithRelations,
  guardians: Map<string, GuardianRow>,
  shown: { status: ConsentStatus; awaitingGuardianIds: readonly string[] },
): Consent {
  const recipients = recipientsOf(row);
  const guardiansOf = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const guardian = guardians.get(id);
      return guardian ? [toGuardian(guardian)] : [];
    });
  return Object.assign(new Consent(), {
    ...row,
    givenByGuardians: guardiansOf(row.guardianIds),
    awaitingGuardians: guardiansOf(shown.awaitingGuardianIds),
    recipients: Object.assign(new ConsentRecipients(), {
      sipParticipants: recipients.toSipParticipants,
      named: recipients.named.map((named) => Object.assign(new NamedRecipient(), named)),
      wholeAgencies: recipients.wholeAgencies,
    }),
    recordedByStaff: row.recordedByAgency !== null,
    replacedById: row.replacedBy?.id ?? null,
    withdrawal: row.withdrawal && Object.assign(new ConsentWithdrawal(), row.withdrawal),
    status: shown.status,
  });
}
