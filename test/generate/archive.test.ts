// The synthetic archive: reproducible from its seed, readable by the real pipeline, marked as synthetic, and
// with a truth whose follow-ups point at later meetings of the same förvaltning that really raise them again.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../ingest/extract/document.ts';
import { parsePdf } from '../../ingest/pipeline.ts';
import { generateArchive, planArchive, type ArchiveOptions, type GeneratedProtocol } from '../../ingest/generate/archive.ts';
import { SYNTHETIC_MARKER } from '../../ingest/generate/compose/meeting.ts';

const SMALL: ArchiveOptions = { seed: 7, forvaltningar: 3, from: '2024-01', to: '2024-12' };

async function generate(options: ArchiveOptions): Promise<GeneratedProtocol[]> {
  const out: GeneratedProtocol[] = [];
  for await (const p of generateArchive(planArchive(options))) out.push(p);
  return out;
}

const archive = await generate(SMALL);
const byFile = new Map(archive.map((p) => [p.file, p]));

describe('generated archive', () => {
  it('has a monthly meeting per förvaltning except July, filed under synthetic/<förvaltning>/<date>.pdf', () => {
    expect(archive).toHaveLength(3 * 11);
    for (const p of archive) expect(p.file).toMatch(/^synthetic\/[a-z-]+\/\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(archive.some((p) => p.truth.date.slice(5, 7) === '07')).toBe(false);
  });

  it('is identical, byte for byte and in its truth, when made again from the same seed', async () => {
    const again = await generate(SMALL);
    expect(again.map((p) => p.truth)).toEqual(archive.map((p) => p.truth));
    again.forEach((p, i) => expect(Buffer.from(p.bytes).equals(Buffer.from(archive[i].bytes))).toBe(true));
  });

  it('differs when made from another seed', async () => {
    const other = await generate({ ...SMALL, seed: 8, forvaltningar: 1 });
    expect(Buffer.from(other[0].bytes).equals(Buffer.from(archive[0].bytes))).toBe(false);
    expect(other.map((p) => p.truth.questions.map((q) => q.text))).not.toEqual(archive.slice(0, 11).map((p) => p.truth.questions.map((q) => q.text)));
  });

  it('reaches the number of protocols asked for', () => {
    const plan = planArchive({ seed: 1, forvaltningar: 1, from: '2025-01', to: '2025-12', protocols: 100 });
    expect(plan.units.reduce((n, u) => n + u.calendar.length, 0)).toBe(100);
    expect(plan.units.every((u) => u.calendar.at(-1)!.date.startsWith('2025-12'))).toBe(true);
  });

  it('writes PDFs that the pipeline reads as synthetic protocols, with the letterhead set aside as furniture', async () => {
    for (const p of archive.slice(0, 12)) {
      const outcome = await parsePdf(p.bytes, p.file);
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(outcome.protocol.synthetic).toBe(true);
      const extracted = await extractDocument(p.bytes);
      if (!extracted.ok) throw new Error(extracted.failure.reason);
      const body = extracted.document.body.map((l) => l.text);
      expect(body).toContain(SYNTHETIC_MARKER);
      expect(body.some((t) => /^Sida \d+ \(\d+\)$/.test(t))).toBe(false);
      expect(extracted.document.pages).toHaveLength(p.truth.pages);
    }
  });

  it('prints every section of the truth as a bold heading carrying its number', async () => {
    for (const p of archive.slice(0, 12)) {
      const extracted = await extractDocument(p.bytes);
      if (!extracted.ok) throw new Error(extracted.failure.reason);
      const headings = extracted.document.body.filter((l) => l.bold && l.size === 12).map((l) => l.text);
      expect(headings).toHaveLength(p.truth.sections.length);
      p.truth.sections.forEach((s, i) => expect(headings[i].replace(/^§\s*/, '')).toMatch(new RegExp(`^${s.number.replace(/\./g, '\\.')}\\.? `)));
    }
  });

  it('prints every question of the truth verbatim', async () => {
    for (const p of archive.slice(0, 6)) {
      const extracted = await extractDocument(p.bytes);
      if (!extracted.ok) throw new Error(extracted.failure.reason);
      const text = extracted.document.body.map((l) => l.text).join(' ');
      for (const q of p.truth.questions) expect(text).toContain(q.text);
    }
  });

  it('sends every follow-up to a later meeting of the same förvaltning that raises the question again there', () => {
    let followUps = 0;
    for (const p of archive) {
      for (const q of p.truth.questions.filter((q) => q.followUps.length > 0)) {
        let previous = p.truth.date;
        for (const f of q.followUps) {
          followUps++;
          const later = byFile.get(f.file);
          expect(later, f.file).toBeDefined();
          expect(later!.truth.forvaltning).toBe(p.truth.forvaltning);
          expect(f.date > previous).toBe(true);
          previous = f.date;
          const raised = later!.truth.questions.find((r) => r.followUpOf === q.id);
          expect(raised?.section).toBe(f.section);
          expect(raised?.party).toBe(q.party);
          expect(raised?.status).toBe(f.answered ? 'answered' : 'deferred');
          expect(raised?.text).not.toBe(q.text);
        }
        expect(q.outcome).toBe(q.followUps.some((f) => f.answered) ? 'answered_later' : 'open');
      }
    }
    expect(followUps).toBeGreaterThan(10);
  });

  it('only raises again questions that were not answered when first asked', () => {
    const all = new Map(archive.flatMap((p) => p.truth.questions.map((q) => [q.id, q] as const)));
    const raised = [...all.values()].filter((q) => q.followUpOf);
    expect(raised.length).toBeGreaterThan(0);
    for (const r of raised) expect(all.get(r.followUpOf!)?.status).not.toBe('answered');
  });
});
