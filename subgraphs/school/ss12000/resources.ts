import type {
  AbsenceType,
  AssignmentRoleType,
  DutyRole,
  GroupType,
  OrganisationType,
  PlacementReason,
  PlacementSchoolType,
  RelationType,
  SchoolType,
  SecurityMarking,
} from './code-lists.ts';

/**
 * The SS 12000 resources the school subgraph reads, shaped and named as the standard's API has them
 * (see `standins/ss12000/schemas/index.ts` for the version). Only fields the standard defines; a
 * field is optional here unless the standard requires it.
 */

/** RFC 3339 full date, e.g. "2016-10-15". */
export type IsoDate = string;
/** RFC 3339 date-time with offset, e.g. "2015-12-12T10:30:00+01:00". */
export type IsoDateTime = string;

export interface ObjectReference {
  id: string;
  /** Only when the request asked for `expandReferenceNames`. */
  displayName?: string;
}

export interface PersonReference extends ObjectReference {
  securityMarking?: SecurityMarking;
}

/** Set by the server; `modified` changes with the entity's own attributes, not with expanded ones. */
export interface Meta {
  created?: IsoDateTime;
  modified?: IsoDateTime;
}

/** Personnummer, samordningsnummer or a temporary number: 12 characters, no separator. */
export interface CivicNo {
  value: string;
  /** ISO 3166-1 alpha-2; SE when left out. */
  nationality?: string;
}

export interface ExternalIdentifier {
  value: string;
  context: string;
  globallyUnique: boolean;
}

export interface Email {
  value: string;
  type?: 'Privat' | 'Skola elev' | 'Skola personal' | 'Arbete övrigt';
}

export interface PhoneNumber {
  value: string;
  type?: 'Hem' | 'Arbete';
  mobile?: boolean;
}

export interface Address {
  type?: 'Folkbokföring' | 'Särskildpostadress' | 'Tillfälligadress' | 'Postadress';
  streetAddress?: string;
  locality?: string;
  postalCode?: string;
  countyCode?: number;
  municipalityCode?: number;
  realEstateDesignation?: string;
  country?: string;
}

/** A student's enrolment (inskrivning) at a school unit: how SS 12000 places a pupil in school. */
export interface Enrolment {
  enroledAt: ObjectReference;
  /** Årskurs, 0–10. */
  schoolYear?: number;
  schoolType: SchoolType;
  startDate: IsoDate;
  endDate?: IsoDate;
  cancelled?: boolean;
  educationCode?: string;
  programme?: ObjectReference;
  specification?: string;
}

export interface Responsible {
  person?: PersonReference;
  relationType?: RelationType;
}

export interface Person {
  id: string;
  meta?: Meta;
  givenName: string;
  middleName?: string;
  familyName: string;
  eduPersonPrincipalNames?: string[];
  externalIdentifiers?: ExternalIdentifier[];
  civicNo?: CivicNo;
  birthDate?: IsoDate;
  sex?: 'Man' | 'Kvinna' | 'Okänt';
  securityMarking?: SecurityMarking;
  personStatus?: 'Aktiv' | 'Utvandrad' | 'Avliden';
  emails?: Email[];
  phoneNumbers?: PhoneNumber[];
  addresses?: Address[];
  photo?: string;
  enrolments?: Enrolment[];
  /** Guardians (vårdnadshavare) and other responsible adults. */
  responsibles?: Responsible[];
}

/** A person's membership of a group, as `expand=groupMemberships` embeds it in the person. */
export interface PersonGroupMembership {
  group: GroupFragment;
  startDate?: IsoDate;
  endDate?: IsoDate;
}

/** What `expand` may add to a person. */
export interface PersonEmbedded {
  responsibleFor?: Responsible[];
  placements?: Placement[];
  ownedPlacements?: Placement[];
  duties?: Duty[];
  groupMemberships?: PersonGroupMembership[];
}

export interface PersonExpanded extends Person {
  _embedded?: PersonEmbedded;
}

/** An organisation element: a huvudman, a school, a school unit (with its `schoolUnitCode`) … */
export interface Organisation {
  id: string;
  meta?: Meta;
  displayName: string;
  organisationCode?: string;
  organisationType: OrganisationType;
  organisationNumber?: string;
  parentOrganisation?: ObjectReference;
  /** Skolenhetskod in Skolverket's register. */
  schoolUnitCode?: string;
  schoolTypes?: SchoolType[];
  municipalityCode?: string;
  url?: string;
  email?: string;
  phoneNumber?: string;
  contactInfo?: { infoType?: 'Support' | 'Publik'; info?: string }[];
  startDate?: IsoDate;
  endDate?: IsoDate;
}

/** A child's placement (placering) in förskola or fritidshem; school pupils have enrolments instead. */
export interface Placement {
  id: string;
  meta?: Meta;
  placedAt: ObjectReference;
  group?: ObjectReference;
  child: PersonReference;
  owners?: PersonReference[];
  schoolType?: PlacementSchoolType;
  startDate: IsoDate;
  endDate?: IsoDate;
  reason?: PlacementReason;
  maxWeeklyScheduleHours?: number;
}

export interface PlacementExpanded extends Placement {
  _embedded?: { child?: Person; owners?: Person[] };
}

/** A group without its members, as other resources embed it. */
export interface GroupFragment {
  id: string;
  meta?: Meta;
  displayName: string;
  startDate: IsoDate;
  endDate?: IsoDate;
  groupType: GroupType;
  schoolType?: SchoolType;
  organisation: ObjectReference;
}

export interface GroupMembership {
  person: PersonReference;
  startDate?: IsoDate;
  endDate?: IsoDate;
}

export interface Group extends GroupFragment {
  groupMemberships?: GroupMembership[];
}

/** A duty's assignment to a group, as `expand=assignmentRoles` embeds it in the group. */
export interface GroupAssignmentRole {
  duty: ObjectReference;
  assignmentRoleType: AssignmentRoleType;
  startDate: IsoDate;
  endDate?: IsoDate;
}

export interface GroupExpanded extends Group {
  _embedded?: { assignmentRoles?: GroupAssignmentRole[] };
}

/** What a duty does for a group, e.g. a mentor for a class (the teacher's teaching is an Activity). */
export interface AssignmentRole {
  group: ObjectReference;
  assignmentRoleType: AssignmentRoleType;
  startDate: IsoDate;
  endDate?: IsoDate;
}

/** A person's duty (tjänstgöring) at an organisation element. */
export interface Duty {
  id: string;
  meta?: Meta;
  person?: PersonReference;
  assignmentRole?: AssignmentRole[];
  dutyAt: ObjectReference;
  dutyRole: DutyRole;
  signature?: string;
  dutyPercent?: number;
  hoursPerYear?: number;
  startDate: IsoDate;
  endDate?: IsoDate;
}

export interface DutyExpanded extends Duty {
  _embedded?: { person?: Person };
}

/** Absence reported in advance, or leave granted (see `ABSENCE_TYPES`). */
export interface Absence {
  id: string;
  meta?: Meta;
  startTime: IsoDateTime;
  endTime: IsoDateTime;
  type: AbsenceType;
  student: PersonReference;
  /** The school unit the absence concerns. */
  organisation?: ObjectReference;
  registeredBy?: PersonReference;
}

/**
 * A student's attendance in one activity over a period, in minutes. The only place SS 12000 counts
 * valid and invalid (ogiltig) absence for a period.
 */
export interface AggregatedAttendance {
  activity: ObjectReference;
  student: PersonReference;
  startDate: IsoDate;
  endDate: IsoDate;
  attendanceSum: number;
  validAbsenceSum?: number;
  invalidAbsenceSum?: number;
  otherAttendanceSum?: number;
  reportedSum?: number;
  offeredSum?: number;
}

/** The standard's error body, on every status but 2xx. Each source chooses its own codes. */
export interface Ss12000ErrorBody {
  code: string;
  message: string;
}

/** One page of a list (GET) endpoint. A null or missing `pageToken` means there is no more. */
export interface Ss12000Page<T> {
  data: T[];
  pageToken?: string | null;
}
