import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { HealthContext } from './context.ts';
import { CareContact, toCareContact } from './care-contact.type.ts';
import { inForceOn } from '../../lib/periods.ts';

/** Queries for health care's own staff. */
@Resolver(() => CareContact)
export class CareContactResolver {
  @Query(() => [CareContact], { description: 'Children in contact with a care unit today.' })
  async careContactsAtUnit(@Arg('unitName', () => String) unitName: string, @Ctx() context: HealthContext): Promise<CareContact[]> {
    const today = context.clock();
    const rows = await context.prisma.careContact.findMany({
      where: { unitName, ...inForceOn(today) },
      orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toCareContact);
  }
}
