import type { Clock } from '../clock.ts';

/** What every resolver receives: the subgraph's own database, the clock, and per-request DataLoaders. */
export interface SubgraphContext<TPrisma, TLoaders> {
  prisma: TPrisma;
  clock: Clock;
  loaders: TLoaders;
}

export function contextWithLoaders<TPrisma, TLoaders>(createLoaders: (prisma: TPrisma, clock: Clock) => TLoaders) {
  return ({ prisma, clock }: { prisma: TPrisma; clock: Clock }): SubgraphContext<TPrisma, TLoaders> => ({
    prisma,
    clock,
    loaders: createLoaders(prisma, clock),
  });
}
