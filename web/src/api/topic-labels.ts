// Topic ids → labels, fetched once per page load: facets and analytics speak in ids, people read labels.
import { api } from './client.ts';

let labels: Promise<Map<string, string>> | undefined;

export function topicLabels(): Promise<Map<string, string>> {
  labels ??= api
    .topics()
    .then((result) => new Map(result.topics.map((topic) => [topic.id, topic.label])))
    // Without labels the ids still read reasonably ("arbetsmiljo"); try again on the next call.
    .catch(() => {
      labels = undefined;
      return new Map<string, string>();
    });
  return labels;
}

export function topicLabel(labels: Map<string, string>, id: string): string {
  return labels.get(id) ?? id;
}
