import { Ss12000ErrorCode, Ss12000HttpError } from './errors.ts';
import type { ValueKind } from './query-filters.ts';

const invalidBody = (message: string) => new Ss12000HttpError(400, Ss12000ErrorCode.InvalidBody, message);

/**
 * Reads a `POST /<resource>/lookup` body: an object whose properties (`ids`, `civicNos`, …) are
 * arrays of strings. The standard sets no largest lookup, but a server may answer one that is too
 * big for it with 503 (`503_overload`, "Svaret är förstort för servern att hantera"):
 * `maxLookupSize` makes the stand-in do so above that many values in all.
 */
export function readLookupBody(
  body: unknown,
  properties: Record<string, ValueKind<string>>,
  maxLookupSize: number,
): Record<string, string[]> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalidBody(`The body must be a JSON object with ${Object.keys(properties).join(', ')}`);
  const lists: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    const kind = properties[name];
    if (!kind) throw invalidBody(`${name} is not a property of this lookup`);
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
      throw invalidBody(`${name} must be an array of strings`);
    lists[name] = value.map((item: string) => {
      try {
        return kind.parse(item, name);
      } catch {
        throw invalidBody(`${name} holds a value of the wrong form`);
      }
    });
  }
  const size = Object.values(lists).reduce((sum, list) => sum + list.length, 0);
  if (size > maxLookupSize)
    throw new Ss12000HttpError(
      503,
      Ss12000ErrorCode.Overload,
      `A lookup of ${size} values is more than this server answers at once (${maxLookupSize})`,
    );
  return lists;
}
