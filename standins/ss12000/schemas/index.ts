/**
 * # SS 12000 JSON Schemas
 *
 * Our own transcription, as JSON Schema draft 2020-12, of the resources and responses of
 * **SS 12000:2020, the API's version 2.0** (the OpenAPI YAML of SIS/TK450, "implementationsspecifikation
 * av SS12000:2020", info.version 2.0.0, server URL `…/v2.0`), read in TK450's working repository
 * (github.com/stefan-jonasson/ss12000v2, 2020-11). Version 2.1 (SS 12000:2020/korr 1:2022) corrects
 * that YAML without breaking it; of its changes these schemas take the larger list of duty roles
 * (`Code_DutyRole`), as Skolverket's reference API (github.com/skolverket/dnp-ss12000-reference-api,
 * Apache-2.0) has it. Nothing here is copied from either.
 *
 * One file per resource, each with `$defs` for the resource, its list response (`{ data, pageToken }`),
 * its lookup request body and its lookup response (a plain array: the standard's lookups do not page).
 * Required fields, types, formats and code lists are the standard's. Two choices are ours:
 * - the schemas are closed (`additionalProperties`/`unevaluatedProperties: false`) where the YAML
 *   is open, so that a misspelt field in the stand-in or the client fails a test;
 * - obvious slips in the YAML are corrected, each with a `$comment` (a phone number requires
 *   `value`, a group membership its `person`).
 *
 * What the stand-in serves of the standard: `/organisations`, `/persons`, `/placements`, `/groups`,
 * `/duties` and `/absences` (each `GET` list with paging, `POST …/lookup`, `GET …/{id}`), and
 * `GET /aggregatedAttendance`; bearer authentication; errors as `{ code, message }`. Not served:
 * activities, calendar events, attendances, grades, programmes, syllabuses, study plans,
 * rooms, resources, subscriptions, deleted entities, logging, statistics, `expandReferenceNames`,
 * `sortkey` and the persons list's `relationship.*` and `identifier.*` filters: a request for any
 * of them answers 404 or 400.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';

/** Where the schemas' `$id`s live: a reserved domain (RFC 2606), never fetched. */
export const SCHEMA_BASE = 'https://sip-graph.invalid/ss12000/';

/** One definition in one schema file, e.g. `person.schema.json#/$defs/PersonsExpanded`. */
export type Ss12000SchemaRef = `${string}.schema.json#/$defs/${string}`;

const folder = new URL('./', import.meta.url);

/** Every `*.schema.json` beside this file, parsed. */
export function loadSs12000Schemas(): Record<string, unknown>[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.schema.json'))
    .map((name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as Record<string, unknown>);
}

// ajv-formats is CommonJS: its plugin is the module itself and its `default`.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as FormatsPlugin;

export interface Ss12000Validator {
  /** The value's violations of the definition, one line each; empty when it conforms. */
  violations(ref: Ss12000SchemaRef, value: unknown): string[];
  /** The definition itself, to read its enums and required fields. */
  definition(ref: Ss12000SchemaRef): Record<string, unknown>;
}

export function createSs12000Validator(): Ss12000Validator {
  const ajv = new Ajv2020({ schemas: loadSs12000Schemas(), allErrors: true, strict: true });
  addFormats(ajv);
  const describe = (error: ErrorObject) =>
    `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;
  return {
    violations(ref, value) {
      const validate = ajv.getSchema(SCHEMA_BASE + ref);
      if (!validate) throw new Error(`No SS 12000 schema definition ${ref}`);
      return validate(value) ? [] : (validate.errors ?? []).map(describe);
    },
    definition(ref) {
      const validate = ajv.getSchema(SCHEMA_BASE + ref);
      if (!validate) throw new Error(`No SS 12000 schema definition ${ref}`);
      return validate.schema as Record<string, unknown>;
    },
  };
}
