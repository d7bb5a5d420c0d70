// A small generated archive run through the real pipeline (generator → PDF → parsePdf → store), shared by the
// analytics tests and the analytics benchmark, with the generator's truth beside it (store them with storeWith).
import { archiveTrends, generateArchive, planArchive, type ArchiveOptions } from '../../ingest/generate/archive.ts';
import type { TopicTrend } from '../../ingest/generate/trends.ts';
import type { ProtocolTruth } from '../../ingest/generate/truth.ts';
import type { Failure, Protocol } from '../../ingest/model.ts';
import { parsePdf } from '../../ingest/pipeline.ts';

export interface ParsedArchive {
  /** Parsed protocols with the truth of the file they were parsed from. */
  parsed: Array<{ protocol: Protocol; truth: ProtocolTruth }>;
  failures: Failure[];
  truth: ProtocolTruth[];
  /** How often each topic was meant to come up, per förvaltning (rising, falling, flat, emerging). */
  trends: TopicTrend[];
  pages: number;
}

export async function generateAndParse(options: ArchiveOptions): Promise<ParsedArchive> {
  const plan = planArchive(options);
  const archive: ParsedArchive = { parsed: [], failures: [], truth: [], trends: archiveTrends(plan), pages: 0 };
  for await (const generated of generateArchive(plan)) {
    archive.truth.push(generated.truth);
    archive.pages += generated.truth.pages;
    const outcome = await parsePdf(generated.bytes, generated.file);
    if (outcome.ok) archive.parsed.push({ protocol: outcome.protocol, truth: generated.truth });
    else archive.failures.push(outcome.failure);
  }
  return archive;
}
