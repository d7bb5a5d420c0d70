// The parse stage as a whole: protocols are recognised by their agenda and wording, other documents are refused.
import { describe, expect, it } from 'vitest';
import { parseProtocol } from '../../ingest/parse/protocol.ts';
import { heading, layout } from './layout.ts';

const source = { file: 'x.pdf', sha256: '', pages: 1 };

describe('recognising a protocol', () => {
  it('refuses an invitation even when it has a numbered programme', () => {
    const outcome = parseProtocol(layout([heading('Välkommen på julfika!'), '1. Glögg i köket', '2. Lussekatter och pepparkakor', 'Varmt välkomna!']), source);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.failure).toMatchObject({ kind: 'not_protocol', file: 'x.pdf', reason: expect.stringMatching(/^not a protocol/) });
  });

  it('reads a protocol whose items are numbered, attributing speakers and finding its questions', () => {
    const outcome = parseProtocol(
      layout(['Närvarande', 'Vision: Anna Berg', heading('1. Mötets öppnande'), 'Lee Orberson öppnade mötet.', heading('2. Information'), 'Anna Berg undrar när lokalerna blir klara.', 'Arbetsgivaren svarar att de blir klara i maj.']),
      source,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { protocol } = outcome;
    expect(protocol.meeting.chair).toBe('Lee Orberson');
    expect(protocol.sections[1].utterances.map((u) => u.party)).toEqual(['Vision', 'Arbetsgivaren']);
    expect(protocol.questions).toEqual([expect.objectContaining({ section: '2', party: 'Vision', status: 'answered' })]);
  });
});
