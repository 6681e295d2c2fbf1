import DataLoader from 'dataloader';
import type { PrismaClient } from '../../prisma/social/client/client.ts';
import { sourceTimeline } from '../../lib/pagination/source-timeline.ts';
import type { ChildIdentities } from '../../lib/subgraph/child-identities.ts';
import type { SubgraphServices } from '../../lib/subgraph/subgraph-definition.ts';
import { fromCaseSystem } from './case-system/case-system-source.ts';

export type SocialServices = SubgraphServices<null, PrismaClient>;

/**
 * The case system's rows about these children, each with the graph's child id: the case system
 * knows them by personnummer, which the identity bridge gives; a row about anyone else is dropped.
 */
export async function caseSystemRowsOf<Row extends { personnummer: string }>(
  childIdentities: ChildIdentities,
  childIds: readonly string[],
  read: (personnummer: string[]) => Promise<Row[]>,
): Promise<Array<Row & { childId: string }>> {
  const personnummer = await childIdentities.personnummerOf(childIds);
  if (personnummer.size === 0) return [];
  const childOf = new Map([...personnummer].map(([childId, number]) => [number, childId]));
  const rows = await fromCaseSystem(read([...childOf.keys()]));
  return rows.flatMap((row) => {
    const childId = childOf.get(row.personnummer);
    return childId ? [{ ...row, childId }] : [];
  });
}

/** Per request: each loader reads one integration view once per fetch, whatever the number of children. */
export function createSocialLoaders({ source: views, childIdentities }: SocialServices) {
  const rowsOf = <Row extends { personnummer: string }>(
    childIds: readonly string[],
    read: (personnummer: string[]) => Promise<Row[]>,
  ) => caseSystemRowsOf(childIdentities, childIds, read);
  return {
    /** The open case; if a child had several, the most recently opened. */
    openCaseByChildId: new DataLoader(async (childIds: readonly string[]) => {
      const rows = await rowsOf(childIds, (personnummer) =>
        views.socialCase.findMany({
          where: { personnummer: { in: personnummer }, closedAt: null },
          orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
        }),
      );
      const latest = new Map(rows.map((row) => [row.childId, row]));
      return childIds.map((childId) => latest.get(childId) ?? null);
    }),
    /** Decided interventions by their own id, with the child they are about (a plan links them so). */
    interventionById: new DataLoader(async (ids: readonly string[]) => {
      const rows = await fromCaseSystem(views.socialIntervention.findMany({ where: { id: { in: [...ids] } } }));
      const children = await childIdentities.childIdsOf(rows.map((row) => row.personnummer));
      const found = new Map(rows.map((row) => [row.id, { ...row, childId: children.get(row.personnummer) ?? null }]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    investigations: sourceTimeline(async (childIds) =>
      (
        await rowsOf(childIds, (personnummer) =>
          views.investigation.findMany({ where: { personnummer: { in: personnummer } } }),
        )
      ).map((row) => ({ ...row, at: row.startedOn, until: row.completedOn })),
    ),
    interventions: sourceTimeline(async (childIds) =>
      (
        await rowsOf(childIds, (personnummer) =>
          views.socialIntervention.findMany({ where: { personnummer: { in: personnummer } } }),
        )
      ).map((row) => ({ ...row, at: row.startsOn, until: row.endsOn })),
    ),
    placements: sourceTimeline(async (childIds) =>
      (
        await rowsOf(childIds, (personnummer) =>
          views.placement.findMany({ where: { personnummer: { in: personnummer } } }),
        )
      ).map((row) => ({ ...row, at: row.startsOn, until: row.endsOn })),
    ),
  };
}
