import { BadUserInputError } from '../errors.ts';
import { isUuid } from '../uuid.ts';

/** A position in a list ordered newest first: the entry's date (or instant) and, to break ties, its id. */
export interface Cursor {
  at: Date;
  id: string;
}

export const encodeCursor = ({ at, id }: Cursor): string =>
  Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

/** Reads a cursor a client got from `pageInfo.endCursor`; anything else is refused naming `after`. */
export function decodeCursor(value: string): Cursor {
  const [iso, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (Number.isNaN(at.getTime()) || !isUuid(id ?? ''))
    throw new BadUserInputError('after', 'not a cursor from this list');
  return { at, id: id! };
}
