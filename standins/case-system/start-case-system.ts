import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type DatabaseLocation } from '../../lib/db/database.ts';
import { toLocalDate } from '../../lib/periods.ts';

/** The case system's records, as its own tables hold them: by personnummer, not by the graph's ids. */
export interface CaseSystemRecords {
  cases?: Array<{
    id: string;
    personnummer: string;
    caseNumber: string;
    openedAt: Date;
    closedAt?: Date | null;
    handlingOfficer: string;
    handlingOfficerId?: string | null;
  }>;
  investigations?: Array<{
    id?: string;
    caseId: string;
    startedOn: Date;
    completedOn?: Date | null;
    reason: string;
    assessment?: string | null;
  }>;
  interventions?: Array<{
    id?: string;
    caseId: string;
    kind: string;
    legalBasis: 'SOL' | 'LSS' | 'LVU';
    provision: string;
    decidedOn: Date;
    startsOn: Date;
    endsOn?: Date | null;
    provider: string;
    decidedBy: string;
    recordedAt: Date;
  }>;
  placements?: Array<{
    id?: string;
    personnummer: string;
    kind: string;
    legalBasis: 'SOL' | 'LSS' | 'LVU';
    startsOn: Date;
    endsOn?: Date | null;
    provider: string;
  }>;
  /** The staff register: social services' staff by unit, known by their sign-in identity. */
  staff?: Array<{ subject: string; name: string; title: string; unit: string; email?: string; phone?: string }>;
}

export interface CaseSystemStandIn {
  /** How the social services subgraph connects: as the read-only role the vendor grants the views to. */
  readerUrl: string;
  /** The most connections the reader may open (the embedded database takes one at a time). */
  maxConnections?: number;
  load(records: CaseSystemRecords): Promise<void>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const SCHEMA = readFileSync(new URL('./case-system.sql', import.meta.url), 'utf8');
const READER_ROLE = 'sip_reader';
/**
 * The owner's writes, in a transaction of their own: the embedded database has one session for
 * every connection, whose read-only role and default (the reader's) would otherwise be the owner's too.
 */
const AS_OWNER = 'BEGIN READ WRITE; SET LOCAL ROLE postgres';
/** A calendar day as a `date` column takes it, whatever the time zone of this process. */
const day = (date: Date | null | undefined) => (date ? toLocalDate(date) : null);

/** The reader's URL on a server: the same database, as the read-only role (trust or its own password). */
function asReader(url: string, password = ''): string {
  const reader = new URL(url);
  reader.username = READER_ROLE;
  reader.password = password;
  return reader.toString();
}

/**
 * Opens the case system's database (embedded, or a server), lays out its tables and integration
 * views as its vendor would, and hands out the read-only role's URL. The embedded database has a
 * single user and one session for all its connections: there the session takes the role instead.
 */
export async function startCaseSystemStandIn(
  location: DatabaseLocation,
  readerPassword?: string,
): Promise<CaseSystemStandIn> {
  const database = await openDatabase('case system', location);
  const owner = new pg.Client({ connectionString: database.migrationConnectionString });
  try {
    await owner.connect();
    await owner.query(SCHEMA);
    // The embedded database has one session for every connection, and ignores a connection's own
    // settings: the reader's role and read-only default are set for it here, once, for all.
    if (location.kind === 'embedded')
      await owner.query(`SET ROLE ${READER_ROLE}; SET default_transaction_read_only = on`);
    const quoted = readerPassword?.replaceAll("'", "''");
    if (quoted) await owner.query(`ALTER ROLE ${READER_ROLE} PASSWORD '${quoted}'`);
  } catch (error) {
    await owner.end().catch(() => {});
    await database.close();
    throw error;
  }
  const insert = async (table: string, rows: Array<Record<string, unknown>>) => {
    for (const row of rows) {
      const columns = Object.keys(row).filter((column) => row[column] !== undefined);
      await owner.query(
        `INSERT INTO vendor.${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((column) => row[column]),
      );
    }
  };
  let stopped = false;
  return {
    readerUrl:
      location.kind === 'server' ? asReader(database.connectionString, readerPassword) : database.connectionString,
    maxConnections: database.maxPoolSize,
    load: async ({ cases = [], investigations = [], interventions = [], placements = [], staff = [] }) => {
      await owner.query(AS_OWNER);
      try {
        await insert(
          'arende',
          cases.map((c) => ({
            id: c.id,
            personnummer: c.personnummer,
            arendenummer: c.caseNumber,
            oppnad: c.openedAt,
            avslutad: c.closedAt ?? null,
            handlaggare: c.handlingOfficer,
            handlaggare_id: c.handlingOfficerId ?? null,
          })),
        );
        await insert(
          'utredning',
          investigations.map((u) => ({
            id: u.id ?? crypto.randomUUID(),
            arende_id: u.caseId,
            startad: day(u.startedOn),
            avslutad: day(u.completedOn),
            anledning: u.reason,
            bedomning: u.assessment ?? null,
          })),
        );
        await insert(
          'beslut',
          interventions.map((b) => ({
            id: b.id ?? crypto.randomUUID(),
            arende_id: b.caseId,
            insats: b.kind,
            lagrum: b.legalBasis,
            paragraf: b.provision,
            beslutsdatum: day(b.decidedOn),
            fran: day(b.startsOn),
            till: day(b.endsOn),
            utforare: b.provider,
            beslutsfattare: b.decidedBy,
            registrerad: b.recordedAt,
          })),
        );
        await insert(
          'placering',
          placements.map((p) => ({
            id: p.id ?? crypto.randomUUID(),
            personnummer: p.personnummer,
            typ: p.kind,
            lagrum: p.legalBasis,
            fran: day(p.startsOn),
            till: day(p.endsOn),
            utforare: p.provider,
          })),
        );
        await insert(
          'personal',
          staff.map((s) => ({
            id: s.subject,
            namn: s.name,
            titel: s.title,
            enhet: s.unit,
            epost: s.email ?? null,
            telefon: s.phone ?? null,
          })),
        );
        await owner.query('COMMIT');
      } catch (error) {
        await owner.query('ROLLBACK');
        throw error;
      }
    },
    reset: async () => {
      await owner.query(AS_OWNER);
      await owner.query('TRUNCATE vendor.placering, vendor.beslut, vendor.utredning, vendor.arende, vendor.personal');
      await owner.query('COMMIT');
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await owner.end();
      await database.close();
    },
  };
}
