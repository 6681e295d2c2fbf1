/**
 * `npm run agency:new -- <name>`: scaffolds an agency adapter subgraph with one guarded field, and
 * the one registry entry and policy lines that name it (policy/agencies.ts, its scope in
 * policy/scopes.ts with its words in English and Swedish, a staff role in policy/roles.ts and its
 * Swedish word in console/src/words.ts,
 * the SIP core's `Agency` enum and its migration, subgraphs/index.ts). It composes as it is; then
 * point its source at the agency's system (see README, Adding an agency).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENCY_SUBGRAPHS } from '../policy/agencies.ts';

const root = join(import.meta.dirname, '..');
const name = process.argv[2] ?? '';
if (!/^[a-z][a-z0-9]{1,30}$/.test(name)) {
  console.error('usage: npm run agency:new -- <name>   (lower case letters and digits, e.g. habilitation)');
  process.exit(2);
}
if (existsSync(join(root, 'subgraphs', name))) {
  console.error(`subgraphs/${name} exists already`);
  process.exit(1);
}

const AGENCY = name.toUpperCase();
const SCOPE = `${AGENCY}_RECORDS`;
const ROLE = `${name}_staff`;
const Type = name[0]!.toUpperCase() + name.slice(1);
const port = Math.max(...AGENCY_SUBGRAPHS.map((entry) => entry.defaultPort)) + 1;

/** Inserts `text` before the first line that starts with `anchor` in `file`; fails loudly if it is not there. */
function insertBefore(file: string, anchor: string, text: string): void {
  const path = join(root, file);
  const source = readFileSync(path, 'utf8');
  const at = source.indexOf(`\n${anchor}`);
  if (at < 0) throw new Error(`${file}: cannot find where to add (${anchor})`);
  writeFileSync(path, `${source.slice(0, at + 1)}${text}${source.slice(at + 1)}`);
}

const write = (file: string, text: string) => {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
};

// The registry and the policy a privacy officer reads.
insertBefore(
  'policy/agencies.ts',
  '] as const satisfies ReadonlyArray<{',
  `  {
    subgraph: '${name}',
    agency: '${AGENCY}',
    names: { en: '${name}', sv: '${Type}' },
    colour: '#4b4b4b',
    defaultPort: ${port},
    unitInContact: 'the child is in contact with the reader’s unit (say what that is in the agency’s own system)',
  },
`,
);
insertBefore(
  'policy/scopes.ts',
  '} as const satisfies Record<string, { agency: Agency; names: Words; descriptions: Words }>;',
  `  ${SCOPE}: {
    agency: '${AGENCY}',
    names: { en: '${Type} records', sv: '${Type}: uppgifter' },
    descriptions: {
      en: 'What ${name} records about the child (say what, plainly).',
      sv: 'Vad ${name} har antecknat om barnet (säg vad, enkelt).',
    },
  },\n`,
);
insertBefore(
  'policy/roles.ts',
  '} as const satisfies Record<string, readonly Agency[]>;',
  `  ${ROLE}: ['${AGENCY}'],\n`,
);
// The console reads the agency's and the scope's words from the policy; only the staff role has a word of its own.
insertBefore(
  'console/src/words.ts',
  '} satisfies Record<(typeof STAFF_ROLES)',
  `  ${ROLE}: 'personal inom ${name}',\n`,
);

// The SIP core stores agency codes as a database enum: a value and its migration.
insertBefore('prisma/sip/schema.prisma', '}\n\nenum ConsentForm', `  ${AGENCY}\n`);
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
write(
  `prisma/sip/migrations/${stamp}_agency_${name}/migration.sql`,
  `-- The ${name} agency, added by npm run agency:new.\nALTER TYPE "Agency" ADD VALUE '${AGENCY}';\n`,
);

// The subgraph: an adapter with one guarded field; its source is for the agency developer to write.
const folder = `subgraphs/${name}`;
write(
  `${folder}/child.type.ts`,
  `import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The SIP core's child, extended with what ${name} knows. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Child {
  @Field(() => ID)
  id!: string;
}
`,
);
write(
  `${folder}/${name}-record.type.ts`,
  `import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A record ${name} holds about a child.' })
export class ${Type}Record {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  text!: string;
}
`,
);
write(
  `${folder}/${name}-system.ts`,
  `/**
 * The agency's own system. A stand-in holding no records: replace it with a client of the real one
 * (a \`SourceSystem\` in \`lib/source/source-system.ts\`, as subgraphs/health/fhir/ does), read many
 * children in one call, by personnummer.
 */
export interface ${Type}System {
  recordsOf(personnummer: readonly string[]): Promise<Array<{ id: string; personnummer: string; text: string }>>;
}

export const ${name}System: ${Type}System = { recordsOf: async () => [] };
`,
);
write(
  `${folder}/context.ts`,
  `import DataLoader from 'dataloader';
import { contextWithLoaders, type SubgraphContext } from '../../lib/subgraph/subgraph-context.ts';
import type { SubgraphServices } from '../../lib/subgraph/subgraph-definition.ts';
import { ${name}System } from './${name}-system.ts';

/** Per request: the records of every child of a fetch in one read, mapped back by personnummer. */
function createLoaders({ childIdentities }: SubgraphServices<null, null>) {
  return {
    records: new DataLoader(async (childIds: readonly string[]) => {
      const personnummer = await childIdentities.personnummerOf(childIds);
      const records = await ${name}System.recordsOf([...personnummer.values()]);
      return childIds.map((childId) =>
        records.filter((record) => record.personnummer === personnummer.get(childId)),
      );
    }),
  };
}

export type ${Type}Context = SubgraphContext<null, ReturnType<typeof createLoaders>>;

export const create${Type}Context = contextWithLoaders(createLoaders);
`,
);
write(
  `${folder}/child.resolver.ts`,
  `import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Consent } from '../../lib/consent/consent.directive.ts';
import { Child } from './child.type.ts';
import type { ${Type}Context } from './context.ts';
import { ${Type}Record } from './${name}-record.type.ts';

/** ${Type}'s field on the SIP core's \`Child\`, released under its consent scope. */
@Resolver(() => Child)
export class ChildResolver {
  @Consent('${SCOPE}')
  @FieldResolver(() => [${Type}Record], { nullable: true, description: 'What ${name} records about the child.' })
  async ${name}Records(@Root() child: Child, @Ctx() context: ${Type}Context): Promise<${Type}Record[]> {
    const records = await context.loaders.records.load(child.id);
    return records.map(({ id, text }) => Object.assign(new ${Type}Record(), { id, text }));
  }

  /** Every subgraph has a root query for its own staff. */
  @Query(() => Boolean, { description: 'Whether ${name}’s own system answers (its own staff only).' })
  ${name}SystemAnswers(): boolean {
    return true;
  }
}
`,
);
write(
  `${folder}/unit-contact.ts`,
  `import type { UnitContactCheck } from '../../lib/subgraph/unit-contact.ts';

/**
 * ${Type}'s contact with a child, from its own system: until it is written, no unit is in contact,
 * so emergency access opens for ${name}'s staff only on the ground of a SIP they take part in.
 */
export const unitInContact: UnitContactCheck<null> = async () => false;
`,
);
write(
  `${folder}/subgraph.ts`,
  `// Loaded before any decorated class, so type-graphql finds the metadata API.
import 'reflect-metadata';
import { entityReference } from '../../lib/federation/entity-reference.ts';
import type { SubgraphDefinition } from '../../lib/subgraph/subgraph-definition.ts';
import { ChildResolver } from './child.resolver.ts';
import { Child } from './child.type.ts';
import { create${Type}Context, type ${Type}Context } from './context.ts';
import { unitInContact } from './unit-contact.ts';

/** ${Type}: an adapter over the agency's own system. */
export const ${name}Subgraph: SubgraphDefinition<null, ${Type}Context> = {
  name: '${name}',
  schema: {
    resolvers: [ChildResolver],
    orphanedTypes: [Child],
    referenceResolvers: { Child: { __resolveReference: entityReference(Child) } },
  },
  createContext: create${Type}Context,
  unitInContact,
};
`,
);
write(
  `${folder}/index.ts`,
  `import { runSubgraph } from '../../lib/subgraph/run-subgraph.ts';
import { ${name}Subgraph } from './subgraph.ts';

await runSubgraph(${name}Subgraph);
`,
);
insertBefore(
  'subgraphs/index.ts',
  '/** Every subgraph of the graph',
  `import { ${name}Subgraph } from './${name}/subgraph.ts';\n\n`,
);
const index = join(root, 'subgraphs/index.ts');
writeFileSync(
  index,
  readFileSync(index, 'utf8').replace(
    /\n\] as unknown as AnySubgraphDefinition\[\];/,
    `\n  ${name}Subgraph,\n] as unknown as AnySubgraphDefinition[];`,
  ),
);

console.log(`added subgraphs/${name}/ with ${name}Records under ${SCOPE}, and the ${AGENCY} agency in:`);
for (const file of ['policy/agencies.ts', 'policy/scopes.ts', 'policy/roles.ts', 'console/src/words.ts'])
  console.log(`  ${file}`);
console.log(`  prisma/sip/schema.prisma and prisma/sip/migrations/${stamp}_agency_${name}/`);
console.log(`  subgraphs/index.ts (${readdirSync(join(root, folder)).length} files in subgraphs/${name}/)`);
console.log(
  'next: npm run generate && npm run compose; write its source in ' +
    `${folder}/${name}-system.ts and unit-contact.ts; add the scope to README's table`,
);
