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

/**
 * Cuts a page from rows sorted newest first (by `sortKey`, then id, both descending) that were
 * fetched with one more than `first`: the extra row only says a next page exists.
 */
export function pageOf<Row extends { id: string }>(
  rows: Row[],
  request: PageRequest,
  sortKey: (row: Row) => Date,
): Page<Row> {
  const pageRows = rows.slice(0, request.first);
  const last = pageRows.at(-1);
  return {
    rows: pageRows,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: rows.length > request.first,
      endCursor: last ? encodeCursor({ at: sortKey(last), id: last.id }) : null,
    }),
  };
}

export const toConnection = <Row, Node>(page: Page<Row>, map: (row: Row) => Node): Connection<Node> => ({
  nodes: page.rows.map(map),
  pageInfo: page.pageInfo,
});
