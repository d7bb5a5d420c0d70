// A watch's hits as an Atom 1.0 feed (RFC 4287), for any feed reader. Every piece of document text — the search
// words, förvaltning, title — is escaped here: protocol text is data, never markup.
import type { Watch } from '../../ingest/store/watches.ts';

export interface FeedEntry {
  protocolId: string;
  forvaltning: string | null;
  date: string | null;
  title: string | null;
  foundAt: string;
}

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than breaking the feed.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** "Bevakning: sjukfrånvaro (Skärholmen)" — what the user watches, in words. */
export function watchTitle(watch: Watch): string {
  if (watch.kind === 'question') return `Bevakad fråga ${watch.questionId ?? ''}`.trim();
  const filters = Object.values(watch.filters).filter(Boolean);
  const words = watch.query.trim() || 'alla protokoll';
  return `Bevakning: ${words}${filters.length > 0 ? ` (${filters.join(', ')})` : ''}`;
}

export function atomFeed(watch: Watch, entries: FeedEntry[], origin: string): string {
  const feedId = `urn:protokollarkivet:bevakning:${watch.id}`;
  const updated = entries[0]?.foundAt ?? watch.createdAt;
  const items = entries.map((e) => {
    const link = `${origin}/protokoll/${encodeURIComponent(e.protocolId)}`;
    const title = [e.forvaltning, e.date, e.title].filter(Boolean).join(' · ') || e.protocolId;
    return [
      '  <entry>',
      `    <id>${escapeXml(`${feedId}:${e.protocolId}`)}</id>`,
      `    <title>${escapeXml(title)}</title>`,
      `    <updated>${escapeXml(e.foundAt)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <summary>${escapeXml(`Nytt protokoll för ${watchTitle(watch)}: ${title}`)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  <id>${feedId}</id>`,
    `  <title>${escapeXml(watchTitle(watch))}</title>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    '  <author><name>Protokollarkivet</name></author>',
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${origin}/`)}"/>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
