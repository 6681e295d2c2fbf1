import { MissingKeyError } from '../auth/keys.ts';
import { ConfigError } from './config.ts';
import { DatabaseUnreachableError } from '../db/database.ts';
import { MigrationChecksumError } from '../db/migrate.ts';
import { PortInUseError } from '../server/listen.ts';
import { SubgraphShapeError } from '../federation/subgraph-shape-error.ts';

const EXPECTED = [
  ConfigError,
  DatabaseUnreachableError,
  PortInUseError,
  MigrationChecksumError,
  MissingKeyError,
  SubgraphShapeError,
];

/** Known start-up failures print one line a person can act on; anything else keeps its stack. */
export function exitWithStartupError(error: unknown): never {
  if (EXPECTED.some((type) => error instanceof type)) console.error(`error: ${(error as Error).message}`);
  else console.error('error: start-up failed unexpectedly; what follows is for a bug report:\n', error);
  process.exit(1);
}
