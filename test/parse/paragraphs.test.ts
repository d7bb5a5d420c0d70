// Running text comes out whole: line-end hyphenation is undone only where the document uses the joined word,
// paragraphs split at paragraph gaps, and a sentence broken across a page or a stray gap is joined again.
import { describe, expect, it } from 'vitest';
import { joinLines, vocabularyOf } from '../../ingest/extract/hyphenation.ts';
import { buildBlocks } from '../../ingest/parse/blocks.ts';
import { splitSentences } from '../../ingest/parse/sentences.ts';
import { layout, wrapped } from './layout.ts';

describe('joining lines', () => {
  it('undoes a line-end hyphen when the joined word occurs in the document', () => {
    const vocabulary = vocabularyOf(['friskfaktorsinventering nämns ofta']);
    expect(joinLines(['göra en friskfaktors-', 'inventering inom'], vocabulary)).toBe('göra en friskfaktorsinventering inom');
  });
  it('keeps the hyphen of a compound ellipsis ("hot- och våld", "sjuk- och friskanmälan")', () => {
    const vocabulary = vocabularyOf(['hotoch']);
    expect(joinLines(['frågan om hot-', 'och våld'], vocabulary)).toBe('frågan om hot- och våld');
  });
});

describe('building paragraphs', () => {
  it('splits at paragraph gaps and keeps wrapped lines together', () => {
    const doc = layout(['Kommunal undrar om de kommer kunna ta', wrapped('del av resultaten.'), 'Arbetsgivaren svarar att det går.', wrapped('Det gäller alla.')]);
    expect(buildBlocks(doc.body).map((b) => b.text)).toEqual([
      'Kommunal undrar om de kommer kunna ta del av resultaten.',
      'Arbetsgivaren svarar att det går. Det gäller alla.',
    ]);
  });
  it('joins a sentence that runs on over a page break', () => {
    const doc = layout(['De har många medlemmar uppdelat i tre', wrapped('grupper och vill ha fler'), { text: 'representanter.', page: 2, gap: 29 }]);
    expect(buildBlocks(doc.body).map((b) => b.text)).toEqual(['De har många medlemmar uppdelat i tre grupper och vill ha fler representanter.']);
  });
});

describe('splitting sentences', () => {
  it('does not end a sentence at abbreviations or page references', () => {
    expect(splitSentences('Mötet börjar kl. 13 och tar bl.a. upp SAM. (S. 60, 4 stycket) Det står att alla ska med.')).toEqual([
      'Mötet börjar kl. 13 och tar bl.a. upp SAM.',
      '(S. 60, 4 stycket) Det står att alla ska med.',
    ]);
  });
  it('starts a new sentence where a named person starts speaking without a full stop', () => {
    expect(splitSentences('SSR lyfter fråga om hot och våld på annan förvaltning Magnus Borgsten informerar att ledningen fått mail.')).toEqual([
      'SSR lyfter fråga om hot och våld på annan förvaltning',
      'Magnus Borgsten informerar att ledningen fått mail.',
    ]);
  });
});
