// The balanslista HR prepares before a förvaltningsgrupp meets, over real HTTP on hand-made protocols: the open
// questions of one förvaltning with who asked, when, and what was said at the meetings since; grouped by party or
// topic; and as a Word file whose text is read back from word/document.xml.
import JSZip from 'jszip';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import type { BalanceList } from '../../server/analytics/balance-list.ts';
import { createApp, type App } from '../../server/app.ts';
import { storeOf } from './hand-made.ts';

let store: ArchiveStore;
let app: App;
let server: Server;
let base: string;
let dataDir: string;

beforeAll(async () => {
  store = await storeOf([
    {
      forvaltning: 'Farsta',
      date: '2024-01-16',
      sections: [
        {
          title: 'Arbetsmiljö',
          topics: ['hot och våld'],
          questions: [
            { party: 'Vision', text: 'Vision undrar hur många hot- och våldsincidenter som har anmälts inom hemtjänsten det senaste halvåret.', status: 'deferred', answer: 'Arbetsgivaren återkommer i frågan.' },
            { party: 'Saco', text: 'Saco undrar om friskvårdsbidraget höjs nästa år.', status: 'answered', answer: 'Arbetsgivaren svarar att bidraget är oförändrat.' },
          ],
        },
        {
          title: 'Övriga frågor',
          questions: [{ party: 'Kommunal', text: 'Kommunal frågar när schemaläggningen i äldreomsorgen ska utvärderas.', status: 'unanswered' }],
        },
      ],
    },
    {
      forvaltning: 'Farsta',
      date: '2024-02-13',
      sections: [
        {
          title: 'Kvarvarande frågor från föregående möte',
          says: [
            ['Vision', 'Kvarstående fråga från Vision om antalet anmälda hot- och våldsincidenter inom hemtjänsten.'],
            ['Arbetsgivaren', 'Arbetsgivaren återkommer när statistiken från IA är sammanställd.'],
          ],
        },
      ],
    },
    {
      forvaltning: 'Skärholmen',
      date: '2024-02-20',
      sections: [{ title: 'Övriga frågor', questions: [{ party: 'Vision', text: 'Vision undrar över lönekartläggningen i Skärholmen.', status: 'deferred', answer: 'Arbetsgivaren återkommer.' }] }],
    },
  ]);
  dataDir = mkdtempSync(join(tmpdir(), 'balance-'));
  app = await createApp({ store, dataDir, log: false });
  server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function list(query: string): Promise<BalanceList & { heading: string; meeting: string }> {
  const res = await fetch(`${base}/balanslista?${query}`);
  expect(res.status).toBe(200);
  return res.json();
}

describe('the balanslista', () => {
  it("lists Farsta's open questions by party, with the meeting where Vision's came up again and what was said", async () => {
    const farsta = await list(`forvaltning=Farsta&meeting=2024-03-12`);
    expect(farsta.heading).toBe('Balanslista inför mötet den 12 mars 2024');
    expect(farsta.total).toBe(2);
    expect(farsta.groups.map((g) => g.name)).toEqual(['Kommunal', 'Vision']);
    const vision = farsta.groups[1].items[0];
    expect(vision.asked).toMatchObject({ date: '2024-01-16', sectionTitle: 'Arbetsmiljö' });
    expect(vision.firstReply).toBe('Arbetsgivaren återkommer i frågan.');
    expect(vision.since).toHaveLength(1);
    expect(vision.since[0]).toMatchObject({ date: '2024-02-13', status: 'deferred' });
    expect(vision.since[0].raised).toContain('Kvarstående fråga från Vision');
    expect(vision.since[0].reply).toContain('statistiken från IA');
    expect(farsta.groups[0].items[0].since).toEqual([]);
  });

  it('groups by topic, questions without a topic last', async () => {
    const farsta = await list('forvaltning=Farsta&by=topic');
    expect(farsta.groups.map((g) => [g.name, g.items.map((i) => i.party)])).toEqual([
      ['Hot och våld', ['Vision']],
      ['Övriga frågor', ['Kommunal']],
    ]);
  });

  it('answers 400 without a förvaltning, and an empty list for a förvaltning or meeting without open questions', async () => {
    expect((await fetch(`${base}/balanslista`)).status).toBe(400);
    expect((await fetch(`${base}/balanslista?forvaltning=Farsta&meeting=12/3`)).status).toBe(400);
    expect((await list('forvaltning=Ingenstans')).total).toBe(0);
    // A list for a meeting before the questions were asked carries none of them.
    expect((await list('forvaltning=Farsta&meeting=2024-01-16')).total).toBe(0);
  });

  it('writes a Word file headed for the meeting, with the förvaltning and each open question and what was said since', async () => {
    const res = await fetch(`${base}/balanslista.docx?forvaltning=Farsta&meeting=2024-03-12`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toContain('balanslista-farsta-2024-03-12.docx');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = await zip.file('word/document.xml')!.async('string');
    // The text of the document, paragraph by paragraph, as Word shows it.
    const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const text = paragraphs.join('\n');
    expect(paragraphs[0]).toBe('Balanslista inför mötet den 12 mars 2024');
    expect(text).toContain('Förvaltning: Farsta');
    expect(text).toContain('Upprättad: ');
    expect(text).toContain('2 öppna frågor.');
    expect(text).toContain('Vision undrar hur många hot- och våldsincidenter');
    expect(text).toContain('13 februari 2024, § 1 (uppskjuten): Kvarstående fråga från Vision');
    expect(text).toContain('Arbetsgivaren återkommer när statistiken från IA är sammanställd.');
    expect(text).toContain('Kommunal frågar när schemaläggningen');
    expect(text).not.toContain('friskvårdsbidraget');
    expect(text).not.toContain('lönekartläggningen');
    // A4 in portrait.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });
});
