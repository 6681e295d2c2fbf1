import { join } from 'node:path';
import type { Clock } from '../clock.ts';
import { openDatabase, type DatabaseLocation } from '../db/database.ts';
import { writeDemoData, type DemoDataStep } from '../db/demo-data.ts';
import { applyMigrations, readMigrations } from '../db/migrate.ts';
import { prismaOptions } from '../db/prisma-options.ts';
import { grantRuntimeRole } from '../db/runtime-role.ts';
import { APPEND_ONLY_TABLES } from '../../policy/append-only.ts';
import type { Logger } from '../server/logger.ts';
import type { SubgraphDefinition, SubgraphPrisma } from './subgraph-definition.ts';

const MIGRATIONS_ROOT = join(import.meta.dirname, '..', '..', 'prisma');

/**
 * Opens a subgraph's database, applies its committed migrations, connects its Prisma client and,
 * when given demo data, writes the steps of it the database does not have yet. `cleanup` receives
 * each step's undo. A subgraph that keeps no records of its own gets null.
 */
export async function prepareDatabase<TPrisma extends SubgraphPrisma | null>(
  definition: Pick<SubgraphDefinition<TPrisma, never, unknown>, 'name' | 'createPrisma'>,
  options: {
    location: DatabaseLocation | undefined;
    demoData?: ReadonlyArray<DemoDataStep<never>>;
    clock: Clock;
    logger: Logger;
    /** Told what begins now, for a person waiting at a terminal. */
    progress?: (stage: string) => void;
  },
  cleanup: Array<() => Promise<void>>,
): Promise<TPrisma> {
  if (!definition.createPrisma) return null as TPrisma;
  if (!options.location)
    throw new Error(`the ${definition.name} subgraph keeps records of its own: give it a database`);
  const say = (stage: string) => options.progress?.(`${definition.name}: ${stage}`);
  say('opening its database');
  const database = await openDatabase(definition.name, options.location);
  cleanup.push(() => database.close());
  const migrations = readMigrations(join(MIGRATIONS_ROOT, definition.name, 'migrations'));
  say(`checking its ${migrations.length} migrations against ${database.description}`);
  const applied = await applyMigrations(database.migrationConnectionString, migrations);
  if (applied.length > 0) options.logger.info(`applied migrations ${applied.join(', ')} to ${database.description}`);
  if (database.migrationConnectionString !== database.connectionString)
    await grantRuntimeRole(
      database.migrationConnectionString,
      database.connectionString,
      APPEND_ONLY_TABLES[definition.name] ?? [],
    );

  const prisma = definition.createPrisma(prismaOptions(database.connectionString, database.maxPoolSize));
  cleanup.push(() => prisma.$disconnect());
  if (options.demoData) {
    say('writing the demo data it does not have yet');
    const written = await writeDemoData(prisma, options.demoData, options.clock);
    if (written.length > 0) options.logger.info(`wrote demo data: ${written.join(', ')}`);
  }
  return prisma;
}
