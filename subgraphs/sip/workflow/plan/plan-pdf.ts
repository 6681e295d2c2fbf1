import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { SipParticipant } from '../process/sip.type.ts';
import {
  AGENCY_NAMES,
  entryLine,
  followUpLine,
  goalLine,
  leftOutNotice,
  personLine,
  stockholmTime,
} from './plan-copy-words.ts';
import type { PrintablePlan } from './printable-plan.ts';

const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short' });
const person = (p: SipParticipant | undefined) => (p ? personLine(p) : '');

const A4 = [595.28, 841.89] as const;
const MARGIN = 56;
const SIZE = 10;

/** Writes wrapped lines top to bottom, starting a new page when one is full. */
class Pages {
  private page!: PDFPage;
  private y = 0;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.pdf.addPage([...A4]);
    this.y = A4[1] - MARGIN;
  }

  /** The standard fonts write Windows-1252; anything beyond it (rare in the plan) becomes "?". */
  private printable(text: string, font: PDFFont) {
    const known = new Set(font.getCharacterSet());
    return [...text].map((c) => (known.has(c.codePointAt(0)!) ? c : '?')).join('');
  }

  text(text: string, { bold = false, size = SIZE, indent = 0 } = {}) {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    const width = A4[0] - 2 * MARGIN - indent;
    for (const paragraph of this.printable(text, font).split('\n')) {
      let line = '';
      const lines: string[] = [];
      for (const word of paragraph.split(' ')) {
        const next = line ? `${line} ${word}` : word;
        if (line && font.widthOfTextAtSize(next, size) > width) {
          lines.push(line);
          line = word;
        } else line = next;
      }
      lines.push(line);
      for (const l of lines) {
        if (this.y < MARGIN + size) this.newPage();
        this.y -= size * 1.4;
        this.page.drawText(l, { x: MARGIN + indent, y: this.y, size, font });
      }
    }
  }

  heading(text: string) {
    this.y -= SIZE * 0.8;
    this.text(text, { bold: true, size: 12 });
  }

  list(items: readonly string[]) {
    if (items.length === 0) this.text('–');
    for (const item of items) this.text(`• ${item}`, { indent: 8 });
  }
}

/**
 * A plan version as a PDF, with the version number and every signature (how it was given, and who
 * recorded a paper one), for the coordinator's organisation to file in the child's record. The
 * same sections as the printable copy, in Swedish.
 */
export async function renderPlanPdf(plan: PrintablePlan): Promise<Uint8Array> {
  const { sip, child, version, participants, signatures, awaiting, copyFor, printedAt } = plan;
  const pdf = await PDFDocument.create();
  const title = `SIP för ${child.givenName} ${child.familyName}, version ${version.number}`;
  pdf.setTitle(title);
  pdf.setSubject('Samordnad individuell plan (SIP)');
  pdf.setLanguage('sv-SE');
  pdf.setProducer('sip-graph');
  pdf.setCreator('sip-graph');
  pdf.setCreationDate(printedAt);
  pdf.setModificationDate(printedAt);
  const pages = new Pages(pdf, {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
  });
  const byId = new Map(participants.map((p) => [p.id, p]));

  pages.text('Samordnad individuell plan (SIP)', { bold: true, size: 16 });
  pages.text(`${child.givenName} ${child.familyName}, ${child.personnummer ?? ''}`, { bold: true });
  pages.text(`Version ${version.number}, upprättad ${stockholmTime.format(version.createdAt)}.`);
  const notice = leftOutNotice(version.leftOut);
  if (notice) pages.text(notice, { bold: true });
  pages.heading('Frågeställningar');
  pages.list(sip.questions);
  if (plan.startsFrom.length > 0) {
    pages.heading('Uppföljning av förra planen');
    pages.list(plan.startsFrom.map(followUpLine));
  }
  pages.heading('Behov');
  pages.list(version.needs.map((need) => entryLine(need.text, need.category)));
  for (const [term, heading] of [
    ['SHORT', 'Mål på kort sikt'],
    ['LONG', 'Mål på lång sikt'],
  ] as const) {
    pages.heading(heading);
    pages.list(version.goals.filter((g) => g.term === term).map(goalLine));
  }
  pages.heading('Insatser');
  for (const i of version.interventions) {
    pages.text(i.what, { bold: true });
    pages.text(
      `${AGENCY_NAMES[i.agency]}, ${i.unit}. Ansvarig: ${i.responsiblePerson}. ${i.frequency}, ` +
        `${i.startsOn} – ${i.endsOn ?? ''}, ${i.location}. Uppföljning: ${i.evaluationMethod} (${i.evaluatedBy}).`,
      { indent: 8 },
    );
  }
  pages.heading('Det här gör barnet och familjen själva');
  pages.list(version.familyActions);
  pages.heading('Huvudansvarig');
  pages.text(`${person(byId.get(version.coordinatorId))}, ${version.coordinatorPhone}, ${version.coordinatorEmail}`);
  pages.heading('Uppföljning');
  pages.text(`${version.followUpOn}: ${version.followUpHow}`);
  if (version.endCriteria) {
    pages.heading('Avslut');
    pages.text(version.endCriteria);
  }
  pages.heading('Kvarstående oenighet');
  pages.list(version.disagreements);
  pages.heading('Underskrifter');
  pages.list(
    signatures.map((s) =>
      s.form === 'PAPER'
        ? `${person(byId.get(s.participantId))}: på papper ${stockholmDate.format(s.signedAt)} (registrerad av ` +
          `${s.recordedBy})`
        : `${person(byId.get(s.participantId))}: i appen ${stockholmTime.format(s.signedAt)}`,
    ),
  );
  pages.text(
    awaiting.length > 0
      ? `Väntar på underskrift av: ${awaiting.map(person).join('; ')}`
      : 'Planen är underskriven av alla.',
    { bold: true },
  );
  pages.text(`Kopia för ${copyFor}, utskriven ${stockholmTime.format(printedAt)}.`, { size: 8 });
  return pdf.save();
}
