import { Directive, Field, ObjectType, type ClassType } from 'type-graphql';
import { encodeCursor } from './cursor.ts';
import type { PageRequest } from './page-args.ts';

/** Every subgraph pages the same way, so the type is shared. */
@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on an empty page.' })
  endCursor!: string | null;
}

/** One page of rows, newest first, and whether more follow. */
export interface Page<Row> {
  rows: Row[];
  pageInfo: PageInfo;
}

export interface Connection<Node> {
  nodes: Node[];
  pageInfo: PageInfo;
}

/** The GraphQL type of a page of `Node`s, named `<name>Connection`. */
export function connectionOf<Node extends object>(node: ClassType<Node>, name: string): ClassType<Connection<Node>> {
  @ObjectType(`${name}Connection`, { description: `A page of ${name} entries, newest first.` })
  class NodeConnection implements Connection<Node> {
    @Field(() => [node])
    nodes!: Node[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return NodeConnection;
}

/** How many rows to fetch for a page: one more than `first` says a next page exists. */
export const rowsForPage = (request: PageRequest) => request.first + 1 + request.leaveOut.size;

/**
 * Cuts a page from rows sorted newest first (by `sortKey`, then id, both descending) that were
 * fetched with `rowsForPage`. Rows to leave out are skipped, so the page is full and the cursor
 * never points at one.
 */
export function pageOf<Row extends { id: string }>(
  rows: Row[],
  request: PageRequest,
  sortKey: (row: Row) => Date,
): Page<Row> {
  const pageRows: Row[] = [];
  let hasNextPage = false;
  for (const row of rows) {
    if (request.leaveOut.has(row.id)) continue;
    if (pageRows.length === request.first) {
      hasNextPage = true;
      break;
    }
    pageRows.push(row);
  }
  const last = pageRows.at(-1);
  return {
    rows: pageRows,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage,
      endCursor: last ? encodeCursor({ at: sortKey(last), id: last.id }) : null,
    }),
  };
}

export const toConnection = <Row, Node>(page: Page<Row>, map: (row: Row) => Node): Connection<Node> => ({
  nodes: page.rows.map(map),
  pageInfo: page.pageInfo,
});
