import { Field, ObjectType } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { BadUserInputError, ErrorCode, ForbiddenError } from '../../../../lib/errors.ts';
import { Agency } from '../../../../lib/federation/policy-enums.ts';
import {
  STAFF_DIRECTORY_PATH,
  type DirectoryEntry,
  type StaffSearch,
} from '../../../../lib/subgraph/staff-directory.ts';
import { optionalText } from '../../../../lib/text-input.ts';
import { AGENCY_SUBGRAPH } from '../../../../policy/agencies.ts';
import { isStaff } from '../../../../policy/roles.ts';
import type { SipContext } from '../context.ts';

@ObjectType({ description: "A member of an agency's staff, as the agency's own catalogue lists them." })
export class StaffMember {
  @Field(() => String, { description: 'How they sign in: what adding them to a SIP takes, never typed by hand.' })
  directoryId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Agency)
  agency!: Agency;

  @Field(() => String)
  unit!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

const toStaffMember = (agency: Agency, { subject, ...entry }: DirectoryEntry) =>
  Object.assign(new StaffMember(), { directoryId: subject, agency, ...entry });

/** Asks the agency's subgraph to search its own catalogue, on the requester's behalf. */
export async function searchDirectory(context: SipContext, agency: Agency, search: StaffSearch) {
  if (!isStaff(context.requester)) throw new ForbiddenError('the staff directory is for staff');
  const subgraph = AGENCY_SUBGRAPH[agency];
  if (!subgraph) throw new BadUserInputError('agency', 'no subgraph serves this agency');
  try {
    const answer = (await context.askSubgraph(subgraph, STAFF_DIRECTORY_PATH, search)) as { entries: DirectoryEntry[] };
    return answer.entries.map((entry) => toStaffMember(agency, entry));
  } catch {
    throw new GraphQLError(`${agency}'s staff directory did not answer; try again`, {
      extensions: { code: ErrorCode.SourceUnavailable, reason: 'the staff directory did not answer' },
    });
  }
}

/** Searches by unit or name (a part of either); at least one of them. */
export function staffDirectory(context: SipContext, agency: Agency, unit?: string | null, name?: string | null) {
  const search = { unit: optionalText(unit, 'unit', 200), name: optionalText(name, 'name', 200) };
  if (!search.unit && !search.name) throw new BadUserInputError('unit', 'search by unit or name, or both');
  return searchDirectory(context, agency, search);
}

/** The one member of the agency's staff with this directory id, or a clear refusal naming `field`. */
export async function directoryMember(context: SipContext, agency: Agency, directoryId: string, field: string) {
  const [member] = await searchDirectory(context, agency, { subject: directoryId });
  if (!member) throw new BadUserInputError(field, "not in the agency's staff directory");
  return member;
}
