import type { EpisodeOfCare } from '@medplum/fhirtypes';
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { toConnection, type Connection } from '../../lib/pagination/connection.ts';
import { PageArgs, pageRequest } from '../../lib/pagination/page-args.ts';
import { swedishToday } from '../../lib/periods.ts';
import type { HealthContext } from './context.ts';
import { CareContact, CareContactConnection, toCareContact } from './care-contact.type.ts';
import { patientKey, personnummerByPatient } from './fhir/child-records.ts';
import { fromEpisodeOfCare } from './fhir/care-resources.ts';
import { pageOfRows } from '../../lib/pagination/source-timeline.ts';

/** Queries for health care's own staff. */
@Resolver(() => CareContact)
export class CareContactResolver {
  @Query(() => CareContactConnection, {
    description: 'Children in contact with a care unit today, most recent contact first.',
  })
  async careContactsAtUnit(
    @Arg('unitName', () => String) unitName: string,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: HealthContext,
  ): Promise<Connection<CareContact>> {
    const request = pageRequest(args);
    const today = swedishToday(context.clock());
    const { matches, included } = await context.source.search<EpisodeOfCare>(
      'EpisodeOfCare',
      new URLSearchParams({ 'organization.name': unitName, status: 'active', _include: 'EpisodeOfCare:patient' }),
    );
    const patients = personnummerByPatient(included);
    // Only children registered in the SIP core have a place in the graph.
    const children = await context.childIdentities.childIdsOf([...new Set(patients.values())]);
    const rows = matches.flatMap((episode) => {
      const contact = fromEpisodeOfCare(episode);
      const childId = children.get(patients.get(patientKey(episode.patient)) ?? '');
      const inForce = contact.startDate <= today && (contact.endDate === null || contact.endDate >= today);
      return childId && contact.unitName === unitName && inForce
        ? [{ ...contact, childId, at: contact.startDate }]
        : [];
    });
    return toConnection(pageOfRows(rows, request), toCareContact);
  }
}
