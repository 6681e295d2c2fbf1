import type { Encounter, EpisodeOfCare } from '@medplum/fhirtypes';
import { BadUserInputError, ForbiddenError } from '../../../lib/errors.ts';
import { calendarDay, swedishDate } from '../../../lib/periods.ts';
import { recordingUnitOf } from '../../../policy/agency-boundaries.ts';
import { requiredText } from '../../../lib/text-input.ts';
import { isUuid } from '../../../lib/uuid.ts';
import type { HealthContext } from '../context.ts';
import { patientKey, searchChildRecords } from '../fhir/child-records.ts';
import { fromEncounter, fromEpisodeOfCare, toEncounter } from '../fhir/care-resources.ts';
import type { RecordCareVisitInput } from './record-care-visit.input.ts';

const NO_CONTACT = 'the child has no care contact with your unit on this date';

/**
 * Records a visit or call at the requester's own unit, within the child's episode of care with it:
 * written to the journal system as a FHIR Encounter, which is where it belongs; the graph keeps no copy.
 */
export async function recordCareVisit(context: HealthContext, input: RecordCareVisitInput) {
  const unitName = recordingUnitOf(context.requester);
  if (!unitName) throw new ForbiddenError('only staff of a care unit record care contacts');
  if (!isUuid(input.childId)) throw new BadUserInputError('input.childId', NO_CONTACT);
  if (input.date > swedishDate(context.clock())) throw new BadUserInputError('input.date', 'must not be in the future');
  const profession = requiredText(input.profession, 'input.profession', 100);
  const date = calendarDay(input.date);
  const episodes = await searchChildRecords<EpisodeOfCare>(context, [input.childId], {
    resourceType: 'EpisodeOfCare',
    patientOf: (episode) => episode.patient,
  });
  const episode = episodes.find(({ resource }) => {
    const contact = fromEpisodeOfCare(resource);
    return contact.unitName === unitName && contact.startDate <= date && (contact.endDate ?? date) >= date;
  })?.resource;
  if (!episode) throw new BadUserInputError('input.childId', NO_CONTACT);
  const contact = fromEpisodeOfCare(episode);
  const encounter = await context.source.create<Encounter>(
    toEncounter(undefined, patientKey(episode.patient).split('/')[1]!, {
      unitName,
      unitType: contact.unitType,
      date,
      mode: input.mode,
      profession,
      episodeId: episode.id,
    }),
  );
  return fromEncounter(encounter);
}
