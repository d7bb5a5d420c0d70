// `npx tsx test/generate/parse-score.ts [--protocols N] [--seed S]`: runs the real pipeline over a generated
// archive and scores what it parsed against the generator's truth — meeting facts, sections, questions (found,
// party, kind, status) and topic sections. Prints figures, asserts nothing: the parser's scorecard on synthetic
// layouts, and a way to see which generated layouts trip it (first misses are listed).
import { parseArgs } from 'node:util';
import { generateArchive, planArchive } from '../../ingest/generate/archive.ts';
import { TAXONOMY } from '../../ingest/generate/data/topics.ts';
import type { ProtocolTruth, QuestionTruth } from '../../ingest/generate/truth.ts';
import type { Protocol, Question } from '../../ingest/model.ts';
import { parsePdf } from '../../ingest/pipeline.ts';

const { values } = parseArgs({ options: { protocols: { type: 'string', default: '300' }, seed: { type: 'string', default: '42' } } });
const plan = planArchive({ seed: Number(values.seed), forvaltningar: 6, from: '2022-01', to: '2025-12', protocols: Number(values.protocols) });

const TAXONOMY_IDS = new Set<string>(TAXONOMY);
const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []);

/** Share of the truth question's words that the parsed question's text contains. */
function overlap(truth: string, parsed: string): number {
  const t = words(truth);
  const p = words(parsed);
  let shared = 0;
  for (const w of t) if (p.has(w)) shared++;
  return t.size === 0 ? 0 : shared / t.size;
}

function matchQuestions(truth: readonly QuestionTruth[], parsed: readonly Question[]): Map<QuestionTruth, Question> {
  const used = new Set<Question>();
  const matches = new Map<QuestionTruth, Question>();
  for (const t of truth) {
    let best: Question | null = null;
    let bestScore = 0.6;
    for (const p of parsed) {
      if (used.has(p) || p.section !== t.section) continue;
      const score = overlap(t.text, p.text);
      if (score > bestScore) {
        best = p;
        bestScore = score;
      }
    }
    if (best) {
      used.add(best);
      matches.set(t, best);
    }
  }
  return matches;
}

const tally = {
  protocols: 0, failed: 0, forvaltning: 0, date: 0, synthetic: 0, sectionsExact: 0,
  truthSections: 0, parsedSections: 0, sectionHits: 0,
  truthQuestions: 0, parsedQuestions: 0, found: 0, party: 0, kind: 0, status: 0,
  truthTopicSections: 0, parsedTopicSections: 0, topicHits: 0,
};
const missed: string[] = [];
const statusConfusion = new Map<string, number>();
const kindConfusion = new Map<string, number>();
const wrongForvaltning = new Map<string, number>();
const partyMisses: string[] = [];

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function listed(map: Map<string, number>): string {
  return [...map].sort().map(([k, n]) => `${k} ${n}`).join(', ');
}

function score(truth: ProtocolTruth, protocol: Protocol): void {
  if (protocol.meeting.forvaltning === truth.forvaltning) tally.forvaltning++;
  else count(wrongForvaltning, `${truth.forvaltning}→${protocol.meeting.forvaltning}`);
  if (protocol.meeting.date === truth.date) tally.date++;
  if (protocol.synthetic) tally.synthetic++;
  const truthKeys = truth.sections.map((s) => s.number);
  const parsedKeys = protocol.sections.map((s) => s.number);
  if (truthKeys.join('|') === parsedKeys.join('|')) tally.sectionsExact++;
  tally.truthSections += truthKeys.length;
  tally.parsedSections += parsedKeys.length;
  const parsedSet = new Set(parsedKeys);
  tally.sectionHits += truthKeys.filter((k) => parsedSet.has(k)).length;

  const matches = matchQuestions(truth.questions, protocol.questions);
  tally.truthQuestions += truth.questions.length;
  tally.parsedQuestions += protocol.questions.length;
  for (const t of truth.questions) {
    const p = matches.get(t);
    if (!p) {
      if (missed.length < 12) missed.push(`${truth.file} §${t.section} [${t.kind}/${t.status}] ${t.text}`);
      continue;
    }
    tally.found++;
    if (p.party === t.party) tally.party++;
    else if (partyMisses.length < 6) partyMisses.push(`${truth.file} §${t.section} ${t.party}→${p.party}: ${t.text}`);
    if (p.kind === t.kind) tally.kind++;
    if (p.status === t.status) tally.status++;
    count(statusConfusion, `${t.status}→${p.status}`);
    if (p.kind !== t.kind) count(kindConfusion, `${t.kind}→${p.kind}`);
  }

  const truthTopics = new Set(
    truth.sections.flatMap((s) => Object.keys(s.topics).filter((t) => TAXONOMY_IDS.has(t)).map((topic) => `${s.number}|${topic}`)),
  );
  const parsedTopics = new Set(protocol.topics.map((t) => `${t.section}|${t.topic}`));
  tally.truthTopicSections += truthTopics.size;
  tally.parsedTopicSections += parsedTopics.size;
  tally.topicHits += [...truthTopics].filter((k) => parsedTopics.has(k)).length;
}

const started = performance.now();
for await (const generated of generateArchive(plan)) {
  tally.protocols++;
  const outcome = await parsePdf(generated.bytes, generated.file);
  if (!outcome.ok) {
    tally.failed++;
    if (missed.length < 12) missed.push(`${generated.file}: refused (${outcome.failure.reason})`);
    continue;
  }
  score(generated.truth, outcome.protocol);
}
const seconds = (performance.now() - started) / 1000;

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
const parsed = tally.protocols - tally.failed;
process.stdout.write(
  [
    `parsed ${parsed}/${tally.protocols} generated protocols in ${seconds.toFixed(1)} s (generate + parse)`,
    `meeting: förvaltning ${pct(tally.forvaltning, parsed)}, date ${pct(tally.date, parsed)}, synthetic flag ${pct(tally.synthetic, parsed)}`,
    `sections: exact agenda ${pct(tally.sectionsExact, parsed)}, recall ${pct(tally.sectionHits, tally.truthSections)}, precision ${pct(tally.sectionHits, tally.parsedSections)}`,
    `questions: ${tally.truthQuestions} in truth, ${tally.parsedQuestions} parsed; found ${pct(tally.found, tally.truthQuestions)}, ` +
      `precision ${pct(tally.found, tally.parsedQuestions)}; of those found: party ${pct(tally.party, tally.found)}, ` +
      `kind ${pct(tally.kind, tally.found)}, status ${pct(tally.status, tally.found)}`,
    `status truth→parsed: ${listed(statusConfusion)}`,
    `kind mismatches truth→parsed: ${listed(kindConfusion)}`,
    `förvaltning mismatches truth→parsed: ${listed(wrongForvaltning)}`,
    `topic sections (taxonomy only): recall ${pct(tally.topicHits, tally.truthTopicSections)}, precision ${pct(tally.topicHits, tally.parsedTopicSections)}`,
    'first party mismatches:',
    ...partyMisses.map((m) => `  ${m}`),
    'first misses:',
    ...missed.map((m) => `  ${m}`),
    '',
  ].join('\n'),
);
