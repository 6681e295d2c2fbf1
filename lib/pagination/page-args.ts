import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, Int } from 'type-graphql';
import { BadUserInputError } from '../errors.ts';
import { calendarDay } from '../periods.ts';
import { decodeCursor, type Cursor } from './cursor.ts';
import { assertPageSize } from './page-size.ts';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: 'How many entries, 1 to 500.' })
  first!: number;

  @Field(() => String, { nullable: true, description: "The previous page's `pageInfo.endCursor`." })
  after?: string | null;
}

@ArgsType()
export class TimelineArgs extends PageArgs {
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only what falls on or after this date.' })
  from?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only what falls on or before this date.' })
  to?: string | null;
}

/** A checked page request: the same request for many children is answered by one query. */
export interface PageRequest {
  first: number;
  after: Cursor | null;
  from: Date | null;
  to: Date | null;
  /** Records the page leaves out, counting them, and fills its place with the next ones. */
  leaveOut: ReadonlySet<string>;
}

/**
 * What a resolver's context may say about its list: the records the consent guard keeps from
 * this reader (the family blocked them one by one). The guard sets it; a page honours it.
 */
export interface PageContext {
  recordsLeftOut?: ReadonlySet<string>;
}

export function pageRequest(args: PageArgs & Partial<TimelineArgs>, context: PageContext = {}): PageRequest {
  assertPageSize(args.first);
  if (args.from != null && args.to != null && args.to < args.from)
    throw new BadUserInputError('to', 'must not be before from');
  return {
    first: args.first,
    after: args.after == null ? null : decodeCursor(args.after),
    from: args.from == null ? null : calendarDay(args.from),
    to: args.to == null ? null : calendarDay(args.to),
    leaveOut: context.recordsLeftOut ?? new Set(),
  };
}
