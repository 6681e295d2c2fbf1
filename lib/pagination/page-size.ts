import { BadUserInputError } from '../errors.ts';

/** The largest page any list query serves. */
export const MAX_PAGE_SIZE = 500;

/** Refuses a page size outside 1…MAX_PAGE_SIZE, naming the `first` argument. */
export function assertPageSize(first: number): void {
  if (first < 1 || first > MAX_PAGE_SIZE)
    throw new BadUserInputError('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
}
