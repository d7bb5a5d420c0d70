// A heading that lists topics ("Arbetsmiljö, hot och våld") tags the section with each of them when the body
// touches the topic, even with words that alone would not name it ("utsatt för hot", "incidenter").
import { expect, it } from 'vitest';
import { findTopics } from '../../ingest/analyse/topics.ts';

const topicsOf = (title: string, text: string): string[] => findTopics([{ number: '3', title, text, procedural: false }]).map((t) => t.topic);

it('tags "hot och våld" from the heading "Arbetsmiljö, hot och våld" when the body tells of incidents', () => {
  expect(topicsOf('Arbetsmiljö, hot och våld', 'Kommunal lyfter att tre incidenter har skett där personal blivit utsatt för hot.')).toContain('hot och våld');
});

it('does not tag "hot och våld" from such a heading over a body about something else', () => {
  expect(topicsOf('Arbetsmiljö, hot och våld', 'Inget nytt att rapportera om lokalerna denna gång.')).not.toContain('hot och våld');
});

it('tags organisationsförändring for "Förändrad organisation av elevhälsan"', () => {
  expect(topicsOf('Förändrad organisation av elevhälsan', 'Förvaltningsdirektören informerar om förslaget att samla insatserna i en central enhet.')).toContain('organisationsförändring');
});
