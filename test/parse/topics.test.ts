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

  it('finds arbetsmiljö/SAM in rounds, risk assessments and the occupational health service', () => {
    expect(topicsOf('Arbetsmiljöronder har genomförts på tre enheter. Ronderna visade brister i belysning.')).toContain('arbetsmiljö/SAM');
    expect(topicsOf('En riskbedömning har gjorts. De berörda har erbjudits samtal med företagshälsovården.')).toContain('arbetsmiljö/SAM');
    expect(topicsOf('Handlingsplanen efter medarbetarenkäten följs upp.')).toContain('arbetsmiljö/SAM');
  });
  it('does not count a topic named only as an item of "A, B och C"', () => {
    expect(topicsOf('Kommande teman i årshjulet är friskfaktorer, semesterplanering och lönekartläggning.')).not.toContain('friskfaktorer');
    expect(topicsOf('Arbetet med friskfaktorer, som startade i våras, fortsätter.')).toContain('friskfaktorer');
  });
  it('counts "introduktionen för nyanställda" or "handlingsplanen" only beside a word that names the topic', () => {
    expect(topicsOf('c) en översyn av introduktionen för nyanställda.')).not.toContain('kompetensförsörjning/utbildning');
    expect(mentionsIn('Rekryteringen pågår och introduktionen för nyanställda ses över.').get('kompetensförsörjning/utbildning')).toBe(2);
    expect(topicsOf('Handlingsplanen för en budget i balans. En handlingsplan till.')).not.toContain('arbetsmiljö/SAM');
  });
  it('counts a title naming a topic as one mention, whatever words it uses', () => {
    const sam = (title: string, text: string): boolean =>
      findTopics([{ number: '1', title, text, procedural: false }]).some((t) => t.topic === 'arbetsmiljö/SAM');
    expect(sam('Arbetsmiljöronder', 'Ronderna visade brister i belysning.')).toBe(true);
    expect(sam('Skyddskommitté/arbetsmiljökommitté: Arbetsmiljö', 'Sjukfrånvaron är 7 procent.')).toBe(false);
  });
});
