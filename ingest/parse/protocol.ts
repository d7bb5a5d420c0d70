// Parse stage entry: extracted lines → Protocol. (Being written: metadata, sections, utterances, questions, topics.)
import type { ExtractedDocument, ParseOutcome, SourceInfo } from '../model.ts';

export function parseProtocol(document: ExtractedDocument, source: SourceInfo): ParseOutcome {
  return {
    ok: true,
    protocol: {
      source,
      meeting: { forvaltning: null, body: null, date: null, dateStated: false, place: null, chair: null, secretary: null, title: null },
      attendees: [],
      absentParties: [],
      sections: [],
      questions: [],
      topics: [],
      synthetic: document.body.some((l) => /syntetiskt protokoll/i.test(l.text)),
    },
  };
}
