import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { AGENCIES, REASONS, SCOPES } from '../../../console/src/words.ts';
import { ProblemAlert, useAction } from '../../../web/use-action.tsx';
import { graphql } from '../api.ts';

/** The plan's content as the writer sees it: what a new version starts from. */
export interface PlanContent {
  needs: Array<{ text: string; category: string; keptFromGuardians: boolean }>;
  goals: Array<{ term: string; description: string; measure: string; category: string; keptFromGuardians: boolean }>;
  interventions: Array<{
    what: string;
    agency: string;
    unit: string;
    responsiblePerson: string;
    frequency: string;
    startsOn: string;
    endsOn: string | null;
    location: string;
    evaluationMethod: string;
    evaluatedBy: string;
    category: string;
    keptFromGuardians: boolean;
  }>;
  familyActions: string[];
  disagreements: string[];
  coordinator: { id: string } | null;
  coordinatorPhone: string;
  coordinatorEmail: string;
  followUpOn: string;
  followUpHow: string;
}

export const PLAN_CONTENT = `needs { text category keptFromGuardians }
  goals { term description measure category keptFromGuardians }
  interventions { what agency unit responsiblePerson frequency startsOn endsOn location evaluationMethod evaluatedBy
    category keptFromGuardians }
  familyActions disagreements coordinator { id } coordinatorPhone coordinatorEmail followUpOn followUpHow`;

const SAVE = `mutation ($sipId: ID!, $input: PlanInput!) { savePlanVersion(sipId: $sipId, input: $input) {
  number withheldFrom { participant { name } section position reason } } }`;

const SECTIONS: Record<string, string> = { NEEDS: 'behov', GOALS: 'mål', INTERVENTIONS: 'insats' };
/** Why a participant does not see an entry, as the consent rule says it. */
const WITHHELD_BECAUSE: Record<string, string> = {
  ...REASONS,
  KEPT_FROM_GUARDIANS: 'den unga vill inte att vårdnadshavarna ser det',
};
export const CATEGORIES = [
  { value: 'SHARED', label: 'Gemensamt (det alla kom överens om)' },
  ...Object.entries(SCOPES).map(([value, label]) => ({ value, label })),
];
const EMPTY: PlanContent = {
  needs: [],
  goals: [],
  interventions: [],
  familyActions: [],
  disagreements: [],
  coordinator: null,
  coordinatorPhone: '',
  coordinatorEmail: '',
  followUpOn: '',
  followUpHow: '',
};
const newIntervention = (): PlanContent['interventions'][number] => ({
  what: '',
  agency: 'SCHOOL',
  unit: '',
  responsiblePerson: '',
  frequency: '',
  startsOn: '',
  endsOn: null,
  location: '',
  evaluationMethod: '',
  evaluatedBy: '',
  category: 'SHARED',
  keptFromGuardians: false,
});

type Entry = { category: string; keptFromGuardians: boolean };

/** What every entry carries: the category it comes from, and whether the young person keeps it from the guardians. */
function EntryMarks<T extends Entry>({
  entry,
  onChange,
  label,
}: {
  entry: T;
  onChange: (e: T) => void;
  label: string;
}) {
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <NativeSelect
        label={`Kategori (${label})`}
        data={CATEGORIES}
        value={entry.category}
        onChange={(event) => onChange({ ...entry, category: event.currentTarget.value })}
      />
      <Checkbox
        label="Den unga vill att vårdnadshavarna inte ser det"
        checked={entry.keptFromGuardians}
        onChange={(event) => onChange({ ...entry, keptFromGuardians: event.currentTarget.checked })}
      />
    </Group>
  );
}

/** A list of short texts (what the family does, disagreements), each on its own line. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Writes the plan's next version, starting from the current one as the writer sees it; entries the
 * writer may not see stay as they were (the graph keeps them). After saving, it says who taking
 * part will not see what was written, and why.
 */
export function PlanEditor({
  sipId,
  current,
  staff,
  heldMeetings,
  onSaved,
}: {
  sipId: string;
  current: PlanContent | null;
  staff: Array<{ id: string; name: string }>;
  heldMeetings: Array<{ id: string; label: string }>;
  onSaved: () => void;
}) {
  const start = current ?? EMPTY;
  const [plan, setPlan] = useState<PlanContent>(start);
  const [familyActions, setFamilyActions] = useState(start.familyActions.join('\n'));
  const [disagreements, setDisagreements] = useState(start.disagreements.join('\n'));
  const [coordinatorId, setCoordinatorId] = useState(start.coordinator?.id ?? staff[0]?.id ?? '');
  const [meetingId, setMeetingId] = useState(heldMeetings.at(-1)?.id ?? '');
  const { problem, act } = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const set = <K extends keyof PlanContent>(key: K, value: PlanContent[K]) => setPlan({ ...plan, [key]: value });
  const replace = <T,>(list: T[], i: number, item: T) => list.map((old, j) => (j === i ? item : old));

  const save = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      const { savePlanVersion } = await graphql<{
        savePlanVersion: {
          number: number;
          withheldFrom: Array<{ participant: { name: string }; section: string; position: number; reason: string }>;
        };
      }>(SAVE, {
        sipId,
        input: {
          meetingId: meetingId || null,
          needs: plan.needs,
          goals: plan.goals,
          interventions: plan.interventions.map((i) => ({ ...i, endsOn: i.endsOn || null })),
          familyActions: lines(familyActions),
          disagreements: lines(disagreements),
          coordinatorId,
          coordinatorPhone: plan.coordinatorPhone,
          coordinatorEmail: plan.coordinatorEmail,
          followUpOn: plan.followUpOn,
          followUpHow: plan.followUpHow,
        },
      });
      const withheld = savePlanVersion.withheldFrom.map(
        (w) =>
          `${w.participant.name} ser inte ${SECTIONS[w.section] ?? w.section} ${w.position + 1} ` +
          `(${WITHHELD_BECAUSE[w.reason] ?? w.reason})`,
      );
      setSaved(
        `Version ${savePlanVersion.number} är sparad och väntar på underskrifter.` +
          (withheld.length > 0 ? ` Enligt samtycket: ${withheld.join('; ')}.` : ' Alla som är med ser allt.'),
      );
      onSaved();
    });
  };

  return (
    <Card withBorder>
      <form onSubmit={save} aria-labelledby="plan-editor">
        <Stack gap="sm">
          <Title order={3} id="plan-editor">
            Skriv en ny version av planen
          </Title>
          <Text size="sm">
            Varje del har en kategori: det avgör vem som får se den, efter familjens samtycke. Gemensamt är det ni kom
            överens om tillsammans.
          </Text>
          <NativeSelect
            label="Beslutad vid mötet"
            description="Ett SIP-möte eller en uppföljning som har hållits."
            data={[{ value: '', label: 'Inget möte' }, ...heldMeetings.map((m) => ({ value: m.id, label: m.label }))]}
            value={meetingId}
            onChange={(event) => setMeetingId(event.currentTarget.value)}
          />

          <Title order={4}>Behov</Title>
          {plan.needs.map((need, i) => (
            <Stack key={i} gap={4}>
              <Textarea
                label={`Behov ${i + 1}`}
                required
                value={need.text}
                onChange={(event) => set('needs', replace(plan.needs, i, { ...need, text: event.currentTarget.value }))}
              />
              <EntryMarks
                label={`behov ${i + 1}`}
                entry={need}
                onChange={(entry) => set('needs', replace(plan.needs, i, entry))}
              />
            </Stack>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => set('needs', [...plan.needs, { text: '', category: 'SHARED', keptFromGuardians: false }])}
            >
              Lägg till behov
            </Button>
          </Group>

          <Title order={4}>Mål</Title>
          {plan.goals.map((goal, i) => (
            <Stack key={i} gap={4}>
              <NativeSelect
                label={`Mål ${i + 1}: sikt`}
                data={[
                  { value: 'SHORT', label: 'Kortsiktigt' },
                  { value: 'LONG', label: 'Långsiktigt' },
                ]}
                value={goal.term}
                onChange={(event) => set('goals', replace(plan.goals, i, { ...goal, term: event.currentTarget.value }))}
              />
              <TextInput
                label={`Mål ${i + 1}`}
                required
                value={goal.description}
                onChange={(event) =>
                  set('goals', replace(plan.goals, i, { ...goal, description: event.currentTarget.value }))
                }
              />
              <TextInput
                label={`Mål ${i + 1}: hur det mäts`}
                required
                value={goal.measure}
                onChange={(event) =>
                  set('goals', replace(plan.goals, i, { ...goal, measure: event.currentTarget.value }))
                }
              />
              <EntryMarks
                label={`mål ${i + 1}`}
                entry={goal}
                onChange={(entry) => set('goals', replace(plan.goals, i, entry))}
              />
            </Stack>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                set('goals', [
                  ...plan.goals,
                  { term: 'SHORT', description: '', measure: '', category: 'SHARED', keptFromGuardians: false },
                ])
              }
            >
              Lägg till mål
            </Button>
          </Group>

          <Title order={4}>Insatser</Title>
          {plan.interventions.map((intervention, i) => {
            const change = (patch: Partial<PlanContent['interventions'][number]>) =>
              set('interventions', replace(plan.interventions, i, { ...intervention, ...patch }));
            const text = (key: 'what' | 'unit' | 'responsiblePerson' | 'frequency' | 'location', label: string) => (
              <TextInput
                label={`Insats ${i + 1}: ${label}`}
                required
                value={intervention[key]}
                onChange={(event) => change({ [key]: event.currentTarget.value })}
              />
            );
            return (
              <Stack key={i} gap={4}>
                {text('what', 'vad')}
                <NativeSelect
                  label={`Insats ${i + 1}: verksamhet`}
                  data={Object.entries(AGENCIES).map(([value, label]) => ({ value, label }))}
                  value={intervention.agency}
                  onChange={(event) => change({ agency: event.currentTarget.value })}
                />
                {text('unit', 'enhet')}
                {text('responsiblePerson', 'ansvarig')}
                {text('frequency', 'hur ofta')}
                {text('location', 'var')}
                <Group grow wrap="wrap">
                  <TextInput
                    label={`Insats ${i + 1}: från`}
                    type="date"
                    required
                    value={intervention.startsOn}
                    onChange={(event) => change({ startsOn: event.currentTarget.value })}
                  />
                  <TextInput
                    label={`Insats ${i + 1}: till`}
                    type="date"
                    value={intervention.endsOn ?? ''}
                    onChange={(event) => change({ endsOn: event.currentTarget.value || null })}
                  />
                </Group>
                <TextInput
                  label={`Insats ${i + 1}: hur den utvärderas`}
                  required
                  value={intervention.evaluationMethod}
                  onChange={(event) => change({ evaluationMethod: event.currentTarget.value })}
                />
                <TextInput
                  label={`Insats ${i + 1}: utvärderas av`}
                  required
                  value={intervention.evaluatedBy}
                  onChange={(event) => change({ evaluatedBy: event.currentTarget.value })}
                />
                <EntryMarks label={`insats ${i + 1}`} entry={intervention} onChange={(entry) => change(entry)} />
              </Stack>
            );
          })}
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => set('interventions', [...plan.interventions, newIntervention()])}
            >
              Lägg till insats
            </Button>
          </Group>

          <Textarea
            label="Det här gör familjen"
            description="En sak per rad."
            value={familyActions}
            onChange={(event) => setFamilyActions(event.currentTarget.value)}
          />
          <Textarea
            label="Det här är vi inte överens om"
            description="En sak per rad."
            value={disagreements}
            onChange={(event) => setDisagreements(event.currentTarget.value)}
          />
          <NativeSelect
            label="Samordnare (huvudansvarig)"
            data={staff.map((p) => ({ value: p.id, label: p.name }))}
            value={coordinatorId}
            onChange={(event) => setCoordinatorId(event.currentTarget.value)}
          />
          <Group grow wrap="wrap">
            <TextInput
              label="Samordnarens telefon"
              required
              value={plan.coordinatorPhone}
              onChange={(event) => set('coordinatorPhone', event.currentTarget.value)}
            />
            <TextInput
              label="Samordnarens e-post"
              type="email"
              required
              value={plan.coordinatorEmail}
              onChange={(event) => set('coordinatorEmail', event.currentTarget.value)}
            />
          </Group>
          <TextInput
            label="Uppföljning senast"
            type="date"
            required
            value={plan.followUpOn}
            onChange={(event) => set('followUpOn', event.currentTarget.value)}
          />
          <TextInput
            label="Hur planen följs upp"
            required
            value={plan.followUpHow}
            onChange={(event) => set('followUpHow', event.currentTarget.value)}
          />
          <ProblemAlert problem={problem} />
          {saved && (
            <Alert color="blue" role="status">
              {saved}
            </Alert>
          )}
          <Group>
            <Button type="submit">Spara versionen</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
