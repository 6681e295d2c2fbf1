import { beforeAll, describe, expect, it } from 'vitest';
import { childWithRecords, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import {
  activeSip,
  ADD_PARTICIPANT,
  guardianClaims,
  ok,
  planInput,
  refusal,
  SAVE_PLAN,
  SIGN,
  type ActiveSip,
} from '../../support/sip-fixtures.ts';
import { pdfText } from '../../support/pdf-text.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const clock = settableClock('2026-11-23T09:00:00.000Z');
const PAPER = `mutation ($versionId: ID!, $participantId: ID!, $signedOn: LocalDate!) {
  recordPaperSignature(versionId: $versionId, participantId: $participantId, signedOn: $signedOn) {
    fullySigned signatures { participant { id kind } form recordedBy signedAt } awaitingSignatureFrom { id kind } } }`;
const PDF = `query ($id: ID!) { sip(id: $id) { currentVersion { pdf } } }`;

/** Everyone signs, relatives too; signatures given on paper are recorded; the signed version as a PDF. */
describe('signatures', () => {
  let graph: TestGraph;
  let child: TestChild;
  let sip: ActiveSip;
  let relative: string;
  let versionId: string;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    sip = await activeSip(graph, child, { validFrom: '2026-11-01T00:00:00Z', validUntil: '2027-11-01T00:00:00Z' });
    relative = (
      await ok(graph, ADD_PARTICIPANT, {
        sipId: sip.sipId,
        input: { kind: 'RELATIVE', name: 'Mormor Testsson', title: 'mormor' },
      })
    ).addParticipant.id;
    versionId = (await ok(graph, SAVE_PLAN, { sipId: sip.sipId, input: planInput(sip.ids.socialWorker, '2027-02-15') }))
      .savePlanVersion.id;
  });

  it('asks a relative to sign, and lets staff record a signature given on paper, once', async () => {
    const awaiting = (
      await ok(graph, SIGN.replace('signPlanVersion', 'signPlanVersion'), { versionId }, 'social worker')
    ).signPlanVersion.awaitingSignatureFrom;
    expect(awaiting.map((p: { id: string }) => p.id)).toContain(relative);

    const refused = async (
      variables: Record<string, unknown>,
      as: Parameters<TestGraph['query']>[2] = 'doctor' as never,
    ) =>
      refusal(
        await graph.query(PAPER, { versionId, participantId: relative, signedOn: '2026-11-23', ...variables }, as),
      );
    expect(await refused({ signedOn: '2026-11-24' }, 'BUP doctor')).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'signedOn',
    });
    expect(await refused({ signedOn: '2026-11-01' }, 'BUP doctor')).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'signedOn',
    });
    expect(await refused({ participantId: child.id }, 'BUP doctor')).toMatchObject({ field: 'participantId' });
    expect(await refused({}, guardianClaims(child.custodianIds[0]))).toMatchObject({ code: 'FORBIDDEN' });

    const { recordPaperSignature } = await ok(
      graph,
      PAPER,
      { versionId, participantId: relative, signedOn: '2026-11-23' },
      'BUP doctor',
    );
    expect(recordPaperSignature.signatures).toContainEqual({
      participant: { id: relative, kind: 'RELATIVE' },
      form: 'PAPER',
      recordedBy: 'staff-bup-norra-1',
      signedAt: '2026-11-23T00:00:00.000Z',
    });
    expect(await refused({}, 'BUP doctor')).toMatchObject({
      reason: 'this participant has already signed this version',
    });
  });

  it('gives the signed version as a PDF with its number and every signature, read back as text', async () => {
    for (const as of ['school counsellor', 'BUP doctor'] as const) await graph.query(SIGN, { versionId }, as);
    const { signPlanVersion } = await ok(graph, SIGN, { versionId }, guardianClaims(child.custodianIds[0]));
    expect(signPlanVersion.fullySigned).toBe(true);

    const { sip: read } = await ok(graph, PDF, { id: sip.sipId }, 'social worker');
    expect(Buffer.from(read.currentVersion.pdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(read.currentVersion.pdf);
    for (const expected of [
      'Samordnad individuell plan (SIP)',
      'Version 1',
      'Hur får Testbarn en fungerande skolgång?',
      'Samtal med kurator',
      'Underskrifter',
      'Mormor Testsson, mormor: på papper 2026-11-23 (registrerad av staff-bup-norra-1)',
      'Karin Kurator, kurator, Ekbackens skola: i appen',
      'Planen är underskriven av alla.',
    ])
      expect(text).toContain(expected);
  });
});
