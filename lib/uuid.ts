const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; checking first turns a malformed id into "not found" instead of a database error. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** Why an id argument was refused: every id of this graph is a UUID. */
export const NOT_AN_ID = 'is not an id of this graph (a UUID)';
