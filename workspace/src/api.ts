/** The workspace's calls to the graph, as the signed-in staff member, and the graph's refusals in Swedish. */
import { graphClient, useGraphQuery } from '../../web/graph-client.ts';

export { signedInAs } from '../../web/graph-client.ts';

/** The graph's reasons (English, for developers), as a coordinator needs them said. */
const REASONS: Array<[RegExp, string]> = [
  [/no consent linked to the SIP is in force/, 'Inget samtycke gäller för SIP:en ännu. Familjen ger det i sin app.'],
  [/the family has not agreed/, 'Familjen har inte sagt ja till SIP:en än.'],
  [/already been answered/, 'Inbjudan är redan besvarad.'],
  [/only staff of the invited unit/, 'Bara personal på den inbjudna enheten kan svara på inbjudan.'],
  [/say why, in at least (\d+)/, 'Skriv varför, med minst 20 tecken.'],
  [/that unit is already invited/, 'Den enheten är redan inbjuden till SIP:en.'],
  [/another unit than your own/, 'Skicka vidare till en annan enhet än din egen.'],
  [/must be an e-mail address/, 'Skriv en giltig e-postadress.'],
  [/must be in the future/, 'Välj en tid som inte har varit.'],
  [/must be after startsAt/, 'Mötet måste sluta efter att det börjar.'],
  [/the chair must be among those who attended/, 'Ordföranden måste vara med bland dem som kom.'],
  [/name who attended/, 'Markera vilka som kom.'],
  [/must be someone other than the chair/, 'Sekreteraren ska vara en annan än ordföranden.'],
  [/meeting needs a place/, 'Skriv var mötet hålls.'],
  [/meeting needs a link/, 'Skriv länken till mötet.'],
  [/held without the family/, 'Förmötet för personalen hålls utan familjen: kalla bara personal.'],
  [/needs a secretary/, 'SIP-möten och uppföljningar behöver en sekreterare.'],
  [/must invite a guardian or the child/, 'Kalla en vårdnadshavare eller barnet.'],
  [/at least two agencies/, 'Kalla personal från minst två verksamheter.'],
  [/must be a staff participant invited/, 'Ordföranden och sekreteraren ska vara kallad personal.'],
  [/has not started yet/, 'Mötet har inte börjat än.'],
  [/the meeting has been held|already recorded as held/, 'Mötet är redan antecknat som hållet.'],
  [/the meeting is cancelled/, 'Mötet är inställt.'],
  [/must be a SIP or follow-up meeting/, 'Planen beslutas vid ett SIP-möte eller en uppföljning.'],
  [/must be a staff participant of this SIP/, 'Samordnaren ska vara personal som är med i SIP:en.'],
  [/name at least one need/, 'Skriv minst ett behov.'],
  [/one short-term and one long-term goal/, 'Skriv minst ett kortsiktigt och ett långsiktigt mål.'],
  [/must be after today/, 'Uppföljningen ska ligga efter i dag.'],
  [/already signed/, 'Du har redan skrivit under den här versionen.'],
  [/does not sign|not a participant who signs/, 'Du ska inte skriva under den här planen.'],
  [/must not be empty/, 'Fyll i fältet.'],
  [/must be at most (\d+) characters/, 'Texten är för lång.'],
];

export const workspace = graphClient('workspace', REASONS);
export const { tokenStore, graphql } = workspace;

/** Loads `query` when the variables or `version` change; the data, or what went wrong in words. */
export const useQuery = <T>(query: string, variables: Record<string, unknown>, version = 0) =>
  useGraphQuery<T>(workspace, query, variables, version);
