import type { Agency } from './agencies.ts';
import { isStaff, type Requester } from './roles.ts';

/**
 * An agency's own staff read what their agency holds about a child without consent: it is their
 * own record. Fields of the SIP core (owner null) belong to no agency and are never "own".
 */
export const readsOwnRecords = (requesterAgency: Agency | null, ownerAgency: Agency | null): boolean =>
  ownerAgency !== null && requesterAgency === ownerAgency;

/**
 * An agency subgraph's root fields (lists of its own records, its own mutations) serve its own
 * staff only; every other agency reaches the data through `Child`, under consent.
 */
export const mayUseRootFields = (requesterAgency: Agency | null, ownerAgency: Agency): boolean =>
  requesterAgency === ownerAgency;

/** The unit a requester records into: a staff member's own; nobody else records an agency's records. */
export const recordingUnitOf = (requester: Requester): string | null => (isStaff(requester) ? requester.unit : null);

/** Staff record into their own unit's records only: absence at their own school, visits at their own care unit. */
export const recordsAtOwnUnit = (requesterUnit: string | null, recordUnit: string): boolean =>
  requesterUnit !== null && requesterUnit === recordUnit;

/** A plan shows an agency's record only when the record is about the plan's own child. */
export const recordBelongsToPlan = (recordChildId: string, planChildId: string): boolean =>
  recordChildId === planChildId;
