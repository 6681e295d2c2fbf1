import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; checking first turns a malformed id into "not found" instead of a database error. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** Why an id argument was refused: every id of this graph is a UUID. */
export const NOT_AN_ID = 'is not an id of this graph (a UUID)';

/**
 * A UUID-shaped id derived from `key` (SHA-256), the same on every machine: for records written by
 * more than one writer that must name the same thing (a care unit, a student in the stand-ins).
 */
export function uuidFrom(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
