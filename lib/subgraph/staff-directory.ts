import type { Agency } from '../../policy/agencies.ts';
import { isStaff } from '../../policy/roles.ts';
import { requiredRequester } from '../auth/identity-token.ts';
import { ErrorCode } from '../errors.ts';
import { HttpRequestError, sendJson } from '../server/http-errors.ts';
import type { SubgraphRoute, SubgraphServices } from './subgraph-definition.ts';

/**
 * Where an agency subgraph answers from its own catalogue of units and staff (HSA for health care,
 * the student information system's duties for school, the case system's officers for social
 * services): the SIP core asks it when a coordinator looks for someone to add to a SIP, so that
 * staff are found by unit and name, never by typing a login subject.
 */
export const STAFF_DIRECTORY_PATH = '/directory/staff';

/** A search: by unit, by name (any part of either, any case), or by the person's login subject exactly. */
export interface StaffSearch {
  unit?: string | null;
  name?: string | null;
  subject?: string | null;
}

/** A member of an agency's staff as its catalogue lists them; `subject` is how they sign in. */
export interface DirectoryEntry {
  subject: string;
  name: string;
  title: string;
  unit: string;
  email: string | null;
  phone: string | null;
}

/** At most this many answer one search: a directory is searched, not listed. */
export const MAX_DIRECTORY_ENTRIES = 50;

/** The agency's own catalogue, searched as `StaffSearch` says. */
export type StaffDirectory<TPrisma, TSource = null> = (
  services: SubgraphServices<TPrisma, TSource>,
  search: StaffSearch,
) => Promise<DirectoryEntry[]>;

const text = (value: unknown, field: string) => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > 200)
    throw new HttpRequestError(400, ErrorCode.BadRequest, `${field} must be a text of at most 200 characters`);
  return value.trim() || null;
};

/** Whether `entry` answers `search`: the same rule whichever system the catalogue is read from. */
export const matchesSearch = (entry: DirectoryEntry, { unit, name, subject }: StaffSearch) =>
  (!subject || entry.subject === subject) &&
  (!unit || entry.unit.toLowerCase().includes(unit.toLowerCase())) &&
  (!name || entry.name.toLowerCase().includes(name.toLowerCase()));

/**
 * POST /directory/staff on an agency subgraph: for staff of any agency (a coordinator in social
 * services looks for a nurse in health care), with at least a unit, a name or a subject to search by.
 */
export function staffDirectoryRoute<TPrisma, TSource = null>(
  agency: Agency,
  directory: StaffDirectory<TPrisma, TSource>,
): SubgraphRoute<TPrisma, TSource> {
  return async (req, res, services) => {
    const { requester } = requiredRequester(services.requesterContext);
    if (!isStaff(requester)) throw new HttpRequestError(403, ErrorCode.Forbidden, 'the directory is for staff');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const search = {
      unit: text(body.unit, 'unit'),
      name: text(body.name, 'name'),
      subject: text(body.subject, 'subject'),
    };
    if (!search.unit && !search.name && !search.subject)
      throw new HttpRequestError(400, ErrorCode.BadRequest, 'search by unit, name or subject');
    const entries = (await directory(services, search))
      .filter((entry) => matchesSearch(entry, search))
      .sort((a, b) => a.unit.localeCompare(b.unit, 'sv') || a.name.localeCompare(b.name, 'sv'))
      .slice(0, MAX_DIRECTORY_ENTRIES);
    sendJson(res, 200, { agency, entries });
  };
}
