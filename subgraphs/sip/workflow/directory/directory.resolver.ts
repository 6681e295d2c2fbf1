import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Agency } from '../../../../lib/federation/policy-enums.ts';
import type { SipContext } from '../context.ts';
import { addParticipant } from '../process/add-participant.ts';
import { toParticipant } from '../process/sip.mapper.ts';
import { SipParticipant } from '../process/sip.type.ts';
import { directoryMember, StaffMember, staffDirectory } from './staff-directory.ts';

/** Staff are found by unit and name in their agency's own catalogue, and added to a SIP from it. */
@Resolver(() => StaffMember)
export class DirectoryResolver {
  @Query(() => [StaffMember], {
    description:
      "For staff: an agency's staff by unit or name (a part of either), from the agency's own catalogue (HSA for " +
      'health care, the student information system for school, the case system for social services); at most 50.',
  })
  staffDirectory(
    @Arg('agency', () => Agency) agency: Agency,
    @Arg('unit', () => String, { nullable: true }) unit: string | null,
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @Ctx() context: SipContext,
  ): Promise<StaffMember[]> {
    return staffDirectory(context, agency, unit, name);
  }

  @Mutation(() => SipParticipant, {
    description:
      'Staff taking part add a member of staff found in the directory: name, title, unit and contact as the ' +
      "agency's catalogue has them.",
  })
  async addStaffFromDirectory(
    @Arg('sipId', () => ID) sipId: string,
    @Arg('agency', () => Agency) agency: Agency,
    @Arg('directoryId', () => String) directoryId: string,
    @Ctx() context: SipContext,
  ): Promise<SipParticipant> {
    const member = await directoryMember(context, agency, directoryId, 'directoryId');
    const { name, title, unit, email, phone } = member;
    return toParticipant(
      await addParticipant(context, sipId, {
        kind: 'STAFF',
        subject: directoryId,
        agency,
        name,
        title,
        unit,
        email,
        phone,
      }),
    );
  }
}
