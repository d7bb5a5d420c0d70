// Sections are tagged with the topics they discuss, whatever Swedish word form or compound the protocol uses.
import { describe, expect, it } from 'vitest';
import { findTopics, mentionsIn, TOPICS } from '../../ingest/analyse/topics.ts';

const topicsOf = (text: string): string[] => findTopics([{ number: '1', text, procedural: false }]).map((t) => t.topic);

describe('topic tagging', () => {
  it('finds sjukfrånvaro in "korttidssjukfrånvaron" and in "sjukskrivning"', () => {
    expect(topicsOf('Korttidssjukfrånvaron har ökat i förskolan.')).toContain('sjukfrånvaro');
    expect(topicsOf('Kommunal har en föranmäld fråga om sjukskrivning.')).toContain('sjukfrånvaro');
  });
  it('finds friskfaktorer in "friskfaktorsinventering" but not in "friskvårdsbidraget"', () => {
    expect(topicsOf('SSR undrar om arbetsgivaren tänkt göra en friskfaktorsinventering?')).toContain('friskfaktorer');
    expect(topicsOf('Kommer friskvårdsbidraget att finansieras centralt?')).not.toContain('friskfaktorer');
  });
  it('finds hot och våld in "hot- och våld" and counts the phrase once', () => {
    expect(mentionsIn('frågan om hot- och våld kommande år').get('hot och våld')).toBe(1);
  });
  it('does not take the verb "hotar" or clients who are "sjuka" for the topics', () => {
    expect(topicsOf('Underskottet hotar verksamheten inom äldreomsorgen.')).not.toContain('hot och våld');
    expect(topicsOf('Fler sjuka äldre behöver stöd i hemtjänsten.')).not.toContain('sjukfrånvaro');
  });
  it('does not count a bare mention in an enumeration of several topics', () => {
    expect(topicsOf('Information om personalomsättning, heltid, friskfaktorer gjordes under ekonomi och budget.')).not.toContain('friskfaktorer');
  });
  it('skips procedural items and items left empty', () => {
    expect(findTopics([{ number: '2', text: 'SSR lägger till en punkt kring hot och våld.', procedural: true }])).toEqual([]);
    expect(findTopics([{ number: '3', text: '-', procedural: false }])).toEqual([]);
  });
  it('tags every example phrase of the taxonomy with its own topic', () => {
    for (const topic of TOPICS) {
      for (const example of topic.examples) {
        expect(mentionsIn(example).get(topic.id) ?? 0, `${topic.id}: ${example}`).toBeGreaterThan(0);
      }
    }
  });
});
