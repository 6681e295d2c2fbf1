import { BadUserInputError } from '../../../../lib/errors.ts';
import { requiredText } from '../../../../lib/text-input.ts';
import { keepingEntryRefusal } from '../../../../policy/young-persons-sphere.ts';
import { maturityAssessed } from '../../consent-authority/young-persons-sphere/kept-parts.ts';
import type { Tx } from '../../consent-authority/open-sip.ts';
import type { PlanEntry, PlanText } from './plan-entry.type.ts';

/** Where an entry comes from and whom it is kept from, as sent. */
export const entryMarks = ({ category, keptFromGuardians }: PlanEntry) => ({
  category,
  keptFromGuardians: keptFromGuardians ?? false,
});

/** Needs, or sections of a meeting's notes: each a required text, named `field.i.text`. */
export const planTexts = (values: readonly PlanText[], field: string, max?: number) =>
  values.map((value, i) => ({ text: requiredText(value.text, `${field}.${i}.text`, max), ...entryMarks(value) }));

/**
 * Entries are kept from the guardians only at the request of a young person who may keep anything
 * (policy/young-persons-sphere.ts); the first one that may not be is refused, naming its field.
 */
export async function assertKeptOnlyAsTheYoungPersonMay(
  tx: Tx,
  child: { id: string; dateOfBirth: Date },
  now: Date,
  entries: ReadonlyArray<readonly [field: string, entry: { keptFromGuardians: boolean }]>,
): Promise<void> {
  const kept = entries.find(([, entry]) => entry.keptFromGuardians);
  if (!kept) return;
  const refusal = keepingEntryRefusal(child.dateOfBirth, await maturityAssessed(tx, child.id), now);
  if (refusal) throw new BadUserInputError(`${kept[0]}.keptFromGuardians`, refusal);
}
