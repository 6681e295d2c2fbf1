import type { CaseSystemRecords } from '../../standins/case-system/start-case-system.ts';
import { childPersonnummer } from './child-personnummer.ts';
import type { TestGraph } from './test-graph.ts';

/**
 * Writes children's case records into the graph's case system (the social services stand-in's own
 * tables), as it holds them: `records` gets each child's personnummer.
 */
export async function writeCaseRecords(
  graph: Pick<TestGraph, 'standIns' | 'subgraphs'>,
  childIds: string[],
  records: (personnummer: string, childId: string, index: number) => CaseSystemRecords,
): Promise<void> {
  const personnummer = await childPersonnummer(graph, childIds);
  const each = childIds.map((childId, i) => records(personnummer.get(childId)!, childId, i));
  await graph.standIns.social!.load({
    cases: each.flatMap((r) => r.cases ?? []),
    investigations: each.flatMap((r) => r.investigations ?? []),
    interventions: each.flatMap((r) => r.interventions ?? []),
    placements: each.flatMap((r) => r.placements ?? []),
  });
}
