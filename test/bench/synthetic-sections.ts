// A synthetic archive for search benchmarks: the corpus protocols' sections (parsed by the real pipeline)
// replicated as many protocols as needed, each copy with its own id, förvaltning, body and date.
import type { SectionRecord } from '../../ingest/store/types.ts';
import { corpusRecords } from '../search/corpus-records.ts';

const FORVALTNINGAR = [
  'Hägersten-Älvsjö', 'Skärholmen', 'Bromma', 'Enskede-Årsta-Vantör', 'Farsta', 'Hässelby-Vällingby',
  'Kungsholmen', 'Norrmalm', 'Rinkeby-Kista', 'Skarpnäck', 'Spånga-Tensta', 'Södermalm', 'Östermalm', 'Älvsjö',
];
const BODIES = ['förvaltningsgrupp', 'förvaltningsgrupp', 'samverkansgrupp', 'skyddskommitté'];

export async function syntheticSections(count: number): Promise<SectionRecord[]> {
  const { records } = await corpusRecords();
  const protocols = [...groupByProtocol(records).values()];
  const out: SectionRecord[] = [];
  for (let copy = 0; out.length < count; copy++) {
    const source = protocols[copy % protocols.length];
    const protocolId = (0x5e000000 + copy).toString(16).padStart(16, '0');
    const year = 2019 + (copy % 8);
    const month = String(1 + (copy % 12)).padStart(2, '0');
    const day = String(1 + (copy % 28)).padStart(2, '0');
    const meeting = {
      ...source[0].meeting,
      forvaltning: FORVALTNINGAR[copy % FORVALTNINGAR.length],
      body: BODIES[copy % BODIES.length],
      date: `${year}-${month}-${day}`,
    };
    for (const record of source) {
      if (out.length >= count) break;
      out.push({ ...record, protocolId, meeting, synthetic: true });
    }
  }
  return out;
}

function groupByProtocol(records: SectionRecord[]): Map<string, SectionRecord[]> {
  const groups = new Map<string, SectionRecord[]>();
  for (const record of records) groups.set(record.protocolId, [...(groups.get(record.protocolId) ?? []), record]);
  return groups;
}
