// What a protocol is called when it is listed or opened: its own title when the parser found one, otherwise
// the body and förvaltning ("Förvaltningsgrupp Hägersten-Älvsjö").

export function protocolName(title: string | null, body: string | null, forvaltning: string | null): string {
  if (title) return title;
  const name = [body, forvaltning].filter(Boolean).join(' ');
  if (!name) return 'Protokoll';
  return name.charAt(0).toLocaleUpperCase('sv-SE') + name.slice(1);
}
