/**
 * The SS 12000 code lists (värdeförråd, `Code_*` in the standard's YAML) that the resources we read
 * use. Values are the standard's own Swedish strings; a system that speaks SS 12000 sends exactly
 * these. `standins/ss12000/schemas/common.schema.json` states the same lists, and a test holds the
 * two together.
 */

/** Code_SchoolType: skolform. */
export const SCHOOL_TYPES = [
  'FS',
  'FKLASS',
  'FTH',
  'OPPFTH',
  'GR',
  'GRS',
  'SP',
  'SAM',
  'GY',
  'GYS',
  'KOMVUX',
  'SARVUX',
  'SFI',
  'KU',
  'YH',
  'FHS',
  'STF',
  'KKU',
  'HS',
  'ABU',
  'AU',
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

/** Code_SchoolType as a placement may have it: placements are for förskola and fritidshem only. */
export const PLACEMENT_SCHOOL_TYPES = ['FS', 'FTH', 'OPPFTH'] as const;
export type PlacementSchoolType = (typeof PLACEMENT_SCHOOL_TYPES)[number];

/** Code_Reason: why a child has a placement. */
export const PLACEMENT_REASONS = ['Omsorg', 'Erbjuden tid', 'Eget behov'] as const;
export type PlacementReason = (typeof PLACEMENT_REASONS)[number];

/** Code_OrganisationType. A school unit (skolenhet, with a `schoolUnitCode`) is `Skolenhet`. */
export const ORGANISATION_TYPES = ['Huvudman', 'Stadsdel', 'Rektorsområde', 'Skola', 'Skolenhet', 'Övrigt'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Code_GroupType. A class is `Klass`; a mentor group (students sharing mentors) is `Mentor`. */
export const GROUP_TYPES = [
  'Undervisning',
  'Klass',
  'Mentor',
  'Provgrupp',
  'Schema',
  'Avdelning',
  'Personalgrupp',
  'Övrigt',
] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

/**
 * Code_DutyRole as of API v2.1 (SS 12000:2020/korr 1:2022), which added roles such as Kurator and
 * Skolsköterska to v2.0's six (Rektor, Lärare, Förskollärare, Övrig pedagogisk personal,
 * Förskolechef, Annan personal).
 */
export const DUTY_ROLES = [
  'Rektor',
  'Lärare',
  'Förskollärare',
  'Barnskötare',
  'Bibliotekarie',
  'Lärarassistent',
  'Fritidspedagog',
  'Annan personal',
  'Studie- och yrkesvägledare',
  'Förstelärare',
  'Kurator',
  'Skolsköterska',
  'Skolläkare',
  'Skolpsykolog',
  'Speciallärare/specialpedagog',
  'Skoladministratör',
  'Övrig arbetsledning',
  'Övrig pedagogisk personal',
  'Förskolechef',
] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

/** Code_AssignmentRole: what a duty does for a group. A class's mentor is a `Mentor` assignment. */
export const ASSIGNMENT_ROLE_TYPES = [
  'Mentor',
  'Förskollärare',
  'Barnskötare',
  'Fritidspedagog',
  'Specialpedagog',
  'Elevhälsopersonal',
  'Pedagogisk ledare',
  'Schemaläggare',
] as const;
export type AssignmentRoleType = (typeof ASSIGNMENT_ROLE_TYPES)[number];

/**
 * Code_AbsenceType. An `Absence` is absence reported in advance (by the student or a guardian) or
 * leave the school granted. Invalid absence (ogiltig frånvaro) is no Absence: it is counted in
 * minutes on attendance (`AggregatedAttendance.invalidAbsenceSum`).
 */
export const ABSENCE_TYPES = ['Beviljad ledighet', 'Anmäld frånvaro'] as const;
export type AbsenceType = (typeof ABSENCE_TYPES)[number];

/** Code_RelationType: how a responsible adult relates to a child. */
export const RELATION_TYPES = ['Vårdnadshavare', 'Annan ansvarig', 'Annan behörig', 'God man', 'Förälder'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Code_SecurityMarking, as the population register (folkbokföringen) has it. */
export const SECURITY_MARKINGS = ['Ingen', 'Sekretessmarkering', 'Skyddad folkbokföring'] as const;
export type SecurityMarking = (typeof SECURITY_MARKINGS)[number];
