// A protocol's corrections on Protokoll: the meeting facts and parties a person corrected (with the parser's
// values), the full history of changes with undo, and — for a redaktör — forms to correct the meeting's
// förvaltning, organ and date and the parties of attendees and statements, and to add a question the parser missed from a sentence
// selected in the protocol text.
import { el, replace } from '../dom.ts';
import { canCorrect, send } from '../auth/session.ts';
import { apiUrl } from '../api/client.ts';
import type { StoredProtocol } from '../api/types.ts';
import { PARTIES } from '../format/parties.ts';
import { formatTimestamp } from '../format/dates.ts';
import { questionStatusLabel } from '../format/labels.ts';
import { correctionMark } from './correction-mark.ts';
import './corrections.css';

interface HistoryEntry {
  id: number;
  field: string;
  value: unknown;
  before: unknown;
  note: string | null;
  author: string;
  createdAt: string;
  undoes: number | null;
  undone: boolean;
}

const FIELD_LABEL: Record<string, string> = {
  'question.status': 'Frågans status',
  'question.removed': 'Borttagen som fråga',
  'question.added': 'Tillagd fråga',
  'meeting.forvaltning': 'Förvaltning',
  'meeting.body': 'Organ',
  'meeting.date': 'Datum',
  'attendee.party': 'Deltagarens part',
  'statement.party': 'Uttalandets part',
};

/** A value from the history in words. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'object' && 'status' in value) return questionStatusLabel((value as { status: string }).status);
  if (typeof value === 'object' && 'text' in value) return String((value as { text: string }).text);
  return JSON.stringify(value);
}

function field(label: string, control: HTMLElement): HTMLElement {
  return el('div', { class: 'field' }, el('label', { attrs: { for: control.id } }, label), control);
}

function status(): HTMLElement {
  return el('p', { class: 'corrector-status', attrs: { role: 'status' } });
}

function failed(target: HTMLElement) {
  return (error: unknown) => replace(target, `Kunde inte spara: ${error instanceof Error ? error.message : String(error)}`);
}

function partySelect(id: string, selected: string | null): HTMLSelectElement {
  return el(
    'select',
    { attrs: { id } },
    el('option', { attrs: { value: '' } }, 'Ingen part'),
    ...PARTIES.map((p) => el('option', { attrs: { value: p, selected: p === selected } }, p)),
  );
}

function meetingForm(protocol: StoredProtocol, done: () => void): HTMLElement {
  const { meeting } = protocol;
  const forvaltning = el('input', { attrs: { id: 'fix-forvaltning', value: meeting.forvaltning ?? '' } });
  const body = el('input', { attrs: { id: 'fix-body', value: meeting.body ?? '' } });
  const date = el('input', { attrs: { id: 'fix-date', type: 'date', value: meeting.date && meeting.date.length === 10 ? meeting.date : '' } });
  const note = el('input', { attrs: { id: 'fix-meeting-note' } });
  const message = status();
  const save = (event: Event) => {
    event.preventDefault();
    const change: Record<string, string | null> = {};
    if (forvaltning.value.trim() !== (meeting.forvaltning ?? '')) change.forvaltning = forvaltning.value.trim() || null;
    if (body.value.trim() !== (meeting.body ?? '')) change.body = body.value.trim() || null;
    if (date.value && date.value !== meeting.date) change.date = date.value;
    if (Object.keys(change).length === 0) return void replace(message, 'Inget är ändrat.');
    send('PATCH', `/protocols/${protocol.id}`, { ...change, note: note.value }).then(done, failed(message));
  };
  return el(
    'form',
    { class: 'corrector-form', attrs: { 'aria-label': 'Rätta mötesuppgifterna' }, on: { submit: save } },
    field('Förvaltning', forvaltning),
    field('Organ', body),
    field('Datum', date),
    field('Notering', note),
    el('button', { attrs: { type: 'submit' } }, 'Spara'),
    message,
  );
}

function partiesForm(protocol: StoredProtocol, done: () => void): HTMLElement {
  const selects = protocol.attendees.map((a, i) => partySelect(`fix-attendee-${i}`, a.party));
  const message = status();
  const save = (event: Event) => {
    event.preventDefault();
    const attendees = selects
      .map((s, index) => ({ index, party: s.value || null }))
      .filter(({ index, party }) => party !== protocol.attendees[index].party);
    if (attendees.length === 0) return void replace(message, 'Inget är ändrat.');
    send('PATCH', `/protocols/${protocol.id}`, { attendees }).then(done, failed(message));
  };
  return el(
    'form',
    { class: 'corrector-form', attrs: { 'aria-label': 'Rätta deltagarnas parter' }, on: { submit: save } },
    ...protocol.attendees.map((a, i) => field(a.name, selects[i])),
    el('button', { attrs: { type: 'submit' } }, 'Spara'),
    message,
  );
}

function statementsForm(protocol: StoredProtocol, done: () => void): HTMLElement {
  const rows = protocol.sections.flatMap((section) =>
    section.utterances.map((u, index) => ({ section: section.number, index, party: u.party, text: u.text })),
  );
  const selects = rows.map((r, i) => partySelect(`fix-statement-${i}`, r.party));
  const message = status();
  const save = (event: Event) => {
    event.preventDefault();
    const statements = rows
      .map((r, i) => ({ section: r.section, index: r.index, party: selects[i].value || null, was: r.party }))
      .filter((r) => r.party !== r.was)
      .map(({ section, index, party }) => ({ section, index, party }));
    if (statements.length === 0) return void replace(message, 'Inget är ändrat.');
    send('PATCH', `/protocols/${protocol.id}`, { statements }).then(done, failed(message));
  };
  const short = (text: string) => (text.length > 90 ? `${text.slice(0, 88)} …` : text);
  return el(
    'form',
    { class: 'corrector-form', attrs: { 'aria-label': 'Rätta uttalandenas parter' }, on: { submit: save } },
    ...rows.map((r, i) => field(`§ ${r.section}: ${short(r.text)}`, selects[i])),
    el('button', { attrs: { type: 'submit' } }, 'Spara'),
    message,
  );
}

function addQuestionForm(protocol: StoredProtocol, textRoot: () => HTMLElement | null, done: () => void): HTMLElement {
  const sentence = el('textarea', { attrs: { id: 'add-question-text', rows: 2, readonly: true, placeholder: 'Markera meningen i protokolltexten och tryck ”Hämta markerad text”.' } });
  const party = partySelect('add-question-party', null);
  const note = el('input', { attrs: { id: 'add-question-note' } });
  const message = status();
  const take = () => {
    const selection = window.getSelection();
    const root = textRoot();
    const inside = selection && root && selection.rangeCount > 0 && root.contains(selection.getRangeAt(0).commonAncestorContainer);
    sentence.value = inside ? selection!.toString().replace(/\s+/g, ' ').trim() : '';
    replace(message, sentence.value ? '' : 'Markera först en mening i protokolltexten.');
  };
  // The selection is lost when the button takes focus; remember it as it is made.
  document.addEventListener('selectionchange', () => {
    const root = textRoot();
    const selection = window.getSelection();
    if (root && selection && selection.rangeCount > 0 && !selection.isCollapsed && root.contains(selection.getRangeAt(0).commonAncestorContainer)) {
      sentence.value = selection.toString().replace(/\s+/g, ' ').trim();
    }
  });
  const save = (event: Event) => {
    event.preventDefault();
    if (!sentence.value) return void replace(message, 'Markera först en mening i protokolltexten.');
    send('POST', `/protocols/${protocol.id}/questions`, { text: sentence.value, party: party.value || null, note: note.value }).then(done, failed(message));
  };
  return el(
    'form',
    { class: 'corrector-form', attrs: { 'aria-label': 'Lägg till en missad fråga' }, on: { submit: save } },
    el('div', { class: 'field wide' }, el('label', { attrs: { for: sentence.id } }, 'Frågan (markerad text)'), sentence),
    el('button', { class: 'secondary', attrs: { type: 'button' }, on: { click: take } }, 'Hämta markerad text'),
    field('Part som frågar', party),
    field('Notering', note),
    el('button', { attrs: { type: 'submit' } }, 'Lägg till frågan'),
    message,
  );
}

function historyView(protocol: StoredProtocol, editable: boolean, done: () => void): HTMLElement {
  const list = el('div', {}, el('p', { class: 'muted' }, 'Hämtar historiken …'));
  const load = async () => {
    const response = await fetch(apiUrl(`/protocols/${protocol.id}/history`));
    const { history } = (await response.json()) as { history: HistoryEntry[] };
    if (history.length === 0) return replace(list, el('p', { class: 'muted' }, 'Inga ändringar än: protokollet visas som det tolkades.'));
    replace(
      list,
      el(
        'ol',
        { class: 'history-list' },
        ...history.map((entry) => {
          const message = el('span', { attrs: { role: 'status' } });
          const undo = () => send('POST', `/corrections/${entry.id}/undo`, {}).then(done, failed(message));
          return el(
            'li',
            { class: entry.undone ? 'undone' : '' },
            el('strong', {}, entry.undoes !== null ? `Ångrade ändring ${entry.undoes}` : FIELD_LABEL[entry.field] ?? entry.field),
            ` – ${entry.author}, ${formatTimestamp(entry.createdAt)}`,
            el('br', {}),
            `Före: ${shown(entry.before)} · Efter: ${shown(entry.value)}`,
            entry.note ? el('br', {}) : null,
            entry.note ? `Notering: ${entry.note}` : null,
            entry.undone ? el('span', { class: 'muted' }, ' (ångrad)') : null,
            editable && !entry.undone && entry.undoes === null
              ? el('button', { class: 'link-button', attrs: { type: 'button' }, on: { click: () => void undo() } }, ' Ångra')
              : null,
            message,
          );
        }),
      ),
    );
  };
  const details = el('details', {}, el('summary', {}, `Historik (${protocol.corrections?.marks.length ?? 0} rättelser i kraft)`), list);
  details.addEventListener('toggle', () => {
    if (details.open) void load();
  });
  return details;
}

/** The corrections panel of a protocol; `textRoot` is where a missed question's sentence is selected. */
export function protocolCorrections(protocol: StoredProtocol, textRoot: () => HTMLElement | null, done: () => void): HTMLElement {
  const panel = el('section', { class: 'protocol-corrections', attrs: { 'aria-label': 'Rättelser' } });
  const marks = (protocol.corrections?.marks ?? []).filter((m) => !m.field.startsWith('question.'));
  const orphans = protocol.corrections?.orphans ?? [];
  const render = (editable: boolean) => {
    replace(
      panel,
      ...marks.map((m) => el('p', {}, `${FIELD_LABEL[m.field]}: ${shown(m.value)} `, correctionMark(m.by, m.at, `Tolkningen av protokollet: ${shown(m.original)}.`, m.note))),
      orphans.length > 0 ? el('p', { class: 'notice' }, `${orphans.length} rättelse(r) gäller något som inte längre finns i tolkningen – se Att granska i Arkiv.`) : null,
      editable ? el('details', {}, el('summary', {}, 'Rätta mötesuppgifter'), meetingForm(protocol, done)) : null,
      editable && protocol.attendees.length > 0 ? el('details', {}, el('summary', {}, 'Rätta deltagarnas parter'), partiesForm(protocol, done)) : null,
      editable && protocol.sections.some((sec) => sec.utterances.length > 0)
        ? el('details', {}, el('summary', {}, 'Rätta uttalandenas parter'), statementsForm(protocol, done))
        : null,
      editable ? el('details', {}, el('summary', {}, 'Lägg till en missad fråga'), addQuestionForm(protocol, textRoot, done)) : null,
      historyView(protocol, editable, done),
    );
  };
  render(false);
  void canCorrect().then((editable) => editable && render(true));
  return panel;
}
