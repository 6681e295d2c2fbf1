import { PrismaClient } from '../../../prisma/social/client/client.ts';
import { prismaOptions } from '../../../lib/db/prisma-options.ts';
import { SourceSystemError, type SourceLocation, type SourceSystem } from '../../../lib/source/source-system.ts';

export const CASE_SYSTEM_LABEL = 'the case system (its integration views)';

/** Connections to the case system's database: a read-only adapter needs few. */
const MAX_CONNECTIONS = 4;

/**
 * Each connection starts reading only, within the source timeout, and as the vendor's read-only
 * role where the login is broader (SOCIAL_CASE_SYSTEM_ROLE): settings of the connection's start,
 * so no statement of the adapter's runs before them. Whatever the credentials, it writes nothing.
 */
function readOnlyUrl({ url, role, timeoutMs }: SourceLocation): string {
  const settings = ['default_transaction_read_only=on', `statement_timeout=${Math.trunc(timeoutMs)}`];
  if (role) settings.push(`role=${role}`);
  const withOptions = new URL(url);
  withOptions.searchParams.set('options', settings.map((setting) => `-c ${setting}`).join(' '));
  return withOptions.toString();
}

/**
 * Reads `read`, turning any failure of the case system's database into a SourceSystemError: the
 * system, never the SQL.
 */
export const fromCaseSystem = <T>(read: Promise<T>): Promise<T> =>
  read.catch(() => {
    throw new SourceSystemError(CASE_SYSTEM_LABEL, 'it could not be read');
  });

/**
 * A social services case system's database, read through its integration views as a read-only
 * role: SOCIAL_CASE_SYSTEM_URL (with the credentials the vendor issued), SOCIAL_CASE_SYSTEM_ROLE.
 */
export const caseSystemSource: SourceSystem<PrismaClient> = {
  label: CASE_SYSTEM_LABEL,
  variable: 'CASE_SYSTEM',
  needsToken: false,
  connect: (location) =>
    new PrismaClient(prismaOptions(readOnlyUrl(location), location.maxConnections ?? MAX_CONNECTIONS)),
  check: async (client) => {
    await fromCaseSystem(client.socialCase.findFirst({ select: { id: true } }));
  },
};
