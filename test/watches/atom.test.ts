// The Atom feed escapes every piece of document text: markup, ampersands, quotes and characters XML cannot
// carry in a title or search words stay text, and the feed stays well-formed XML.
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { Watch } from '../../ingest/store/watches.ts';
import { atomFeed } from '../../server/watches/atom.ts';

const watch: Watch = {
  id: 7, userId: 1, kind: 'search', query: 'lön & <b>"övertid"</b>', filters: { forvaltning: "Rinkeby-Kista's" },
  questionId: null, createdAt: '2025-01-01T00:00:00.000Z', newHits: 1,
};

describe('the Atom feed', () => {
  it('keeps hostile document text as text in well-formed XML', () => {
    const xml = atomFeed(watch, [{ protocolId: 'abc"<x>', forvaltning: 'A & B', date: '2025-02-03', title: '<script>alert(1)</script>\u0001', foundAt: '2025-02-04T10:00:00.000Z' }], 'https://arkiv.example');
    const texts: Record<string, string[]> = {};
    let current = '';
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', (tag) => (current = tag.local));
    parser.on('text', (t) => (texts[current] ??= []).push(t));
    parser.write(xml).close();
    expect(xml).not.toContain('<script>');
    expect(texts.title).toContain('A & B · 2025-02-03 · <script>alert(1)</script>');
    expect(texts.title[0]).toBe('Bevakning: lön & <b>"övertid"</b> (Rinkeby-Kista\'s)');
    expect(xml).toContain('href="https://arkiv.example/protokoll/abc%22%3Cx%3E"');
  });
});
