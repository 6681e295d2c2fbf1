import { join } from 'node:path';
import type { Clock } from '../clock.ts';
import { openDatabase, type DatabaseLocation, type OpenDatabase } from '../db/database.ts';
import { writeDemoData, type DemoDataStep } from '../db/demo-data.ts';
import { applyMigrations, readMigrations } from '../db/migrate.ts';
import { prismaOptions } from '../db/prisma-options.ts';
import type { Logger } from '../server/logger.ts';
import type { SubgraphDefinition, SubgraphPrisma } from './subgraph-definition.ts';

const MIGRATIONS_ROOT = join(import.meta.dirname, '..', '..', 'prisma');

export interface PreparedDatabase<TPrisma> {
  database: OpenDatabase;
  prisma: TPrisma;
}

/**
 * Opens a subgraph's database, applies its committed migrations, connects its Prisma client and,
 * when given demo data, writes the steps of it the database does not have yet. `cleanup` receives each step's undo.
 */
export async function prepareDatabase<TPrisma extends SubgraphPrisma>(
  definition: Pick<SubgraphDefinition<TPrisma, never>, 'name' | 'createPrisma'>,
  options: { location: DatabaseLocation; demoData?: ReadonlyArray<DemoDataStep<never>>; clock: Clock; logger: Logger },
  cleanup: Array<() => Promise<void>>,
): Promise<PreparedDatabase<TPrisma>> {
  const database = await openDatabase(definition.name, options.location);
  cleanup.push(() => database.close());
  const migrations = readMigrations(join(MIGRATIONS_ROOT, definition.name, 'migrations'));
  const applied = await applyMigrations(database.connectionString, migrations);
  if (applied.length > 0) options.logger.info(`applied migrations ${applied.join(', ')} to ${database.description}`);

  const prisma = definition.createPrisma(prismaOptions(database.connectionString, database.maxPoolSize));
  cleanup.push(() => prisma.$disconnect());
  if (options.demoData) {
    const written = await writeDemoData(prisma, options.demoData, options.clock);
    if (written.length > 0) options.logger.info(`wrote demo data: ${written.join(', ')}`);
  }
  return { database, prisma };
}
