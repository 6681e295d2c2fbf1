-- The local stand-in for a social services case system's database, as its vendor ships it: the
-- case system's own tables (schema "vendor", its own names), and the integration views it publishes
-- for other systems to read (schema "public", named sip_*), readable by the role sip_reader and
-- nothing else. The graph's social services subgraph reads only the views, as that role, and
-- never writes; none of this is the graph's migration.

CREATE SCHEMA IF NOT EXISTS vendor;

CREATE TABLE IF NOT EXISTS vendor.arende (
  id            uuid PRIMARY KEY,
  personnummer  text NOT NULL,
  arendenummer  text NOT NULL UNIQUE,
  oppnad        timestamptz NOT NULL,
  avslutad      timestamptz,
  handlaggare   text NOT NULL,
  handlaggare_id text
);
CREATE INDEX IF NOT EXISTS arende_personnummer ON vendor.arende (personnummer);

CREATE TABLE IF NOT EXISTS vendor.utredning (
  id         uuid PRIMARY KEY,
  arende_id  uuid NOT NULL REFERENCES vendor.arende (id),
  startad    date NOT NULL,
  avslutad   date,
  anledning  text NOT NULL,
  bedomning  text
);

CREATE TABLE IF NOT EXISTS vendor.beslut (
  id             uuid PRIMARY KEY,
  arende_id      uuid NOT NULL REFERENCES vendor.arende (id),
  insats         text NOT NULL,
  lagrum         text NOT NULL CHECK (lagrum IN ('SOL', 'LSS', 'LVU')),
  paragraf       text NOT NULL,
  beslutsdatum   date NOT NULL,
  fran           date NOT NULL,
  till           date,
  utforare       text NOT NULL,
  beslutsfattare text NOT NULL,
  registrerad    timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS vendor.placering (
  id            uuid PRIMARY KEY,
  personnummer  text NOT NULL,
  typ           text NOT NULL,
  lagrum        text NOT NULL CHECK (lagrum IN ('SOL', 'LSS', 'LVU')),
  fran          date NOT NULL,
  till          date,
  utforare      text NOT NULL
);
CREATE INDEX IF NOT EXISTS placering_personnummer ON vendor.placering (personnummer);

-- The staff register: who works where, known by their sign-in identity.
CREATE TABLE IF NOT EXISTS vendor.personal (
  id       text PRIMARY KEY,
  namn     text NOT NULL,
  titel    text NOT NULL,
  enhet    text NOT NULL,
  epost    text,
  telefon  text,
  slutat   date
);

DO $$ BEGIN
  CREATE TYPE "LegalBasis" AS ENUM ('SOL', 'LSS', 'LVU');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE "PlacementKind" AS ENUM
    ('FAMILY_HOME', 'HVB', 'EMERGENCY_HOME', 'SUPPORTED_HOUSING', 'CONTACT_PERSON', 'CONTACT_FAMILY');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE OR REPLACE VIEW sip_social_case AS
  SELECT id, personnummer, arendenummer AS "caseNumber", oppnad AS "openedAt", avslutad AS "closedAt",
         handlaggare AS "handlingOfficer", handlaggare_id AS "handlingOfficerId"
  FROM vendor.arende;

CREATE OR REPLACE VIEW sip_investigation AS
  SELECT u.id, a.personnummer, u.arende_id AS "caseId", u.startad AS "startedOn", u.avslutad AS "completedOn",
         u.anledning AS reason, u.bedomning AS assessment
  FROM vendor.utredning u JOIN vendor.arende a ON a.id = u.arende_id;

CREATE OR REPLACE VIEW sip_intervention AS
  SELECT b.id, a.personnummer, b.arende_id AS "caseId", b.insats AS kind, b.lagrum::"LegalBasis" AS "legalBasis",
         b.paragraf AS provision, b.beslutsdatum AS "decidedOn", b.fran AS "startsOn", b.till AS "endsOn",
         b.utforare AS provider, b.beslutsfattare AS "decidedBy", b.registrerad AS "recordedAt"
  FROM vendor.beslut b JOIN vendor.arende a ON a.id = b.arende_id;

CREATE OR REPLACE VIEW sip_placement AS
  SELECT id, personnummer, typ::"PlacementKind" AS kind, lagrum::"LegalBasis" AS "legalBasis",
         fran AS "startsOn", till AS "endsOn", utforare AS provider
  FROM vendor.placering;

CREATE OR REPLACE VIEW sip_staff AS
  SELECT id AS subject, namn AS name, titel AS title, enhet AS unit, epost AS email, telefon AS phone
  FROM vendor.personal WHERE slutat IS NULL;

-- Roles belong to the whole server: another database may have made it already.
DO $$ BEGIN
  CREATE ROLE sip_reader LOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
REVOKE ALL ON SCHEMA vendor FROM sip_reader;
GRANT USAGE ON SCHEMA public TO sip_reader;
GRANT SELECT ON sip_social_case, sip_investigation, sip_intervention, sip_placement, sip_staff TO sip_reader;
