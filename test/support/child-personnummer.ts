import type { TestGraph } from './test-graph.ts';

/** The personnummer the SIP core registered each child with: how the agencies' own systems know them. */
export async function childPersonnummer(
  graph: Pick<TestGraph, 'subgraphs'>,
  childIds: readonly string[],
): Promise<Map<string, string>> {
  const sip = graph.subgraphs.sip.prisma as unknown as {
    child: { findMany(args: object): Promise<Array<{ id: string; personnummer: string }>> };
  };
  const children = await sip.child.findMany({
    where: { id: { in: [...childIds] } },
    select: { id: true, personnummer: true },
  });
  return new Map(children.map(({ id, personnummer }) => [id, personnummer]));
}
