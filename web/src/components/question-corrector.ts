// A redaktör's controls on a question (Frågor and Protokoll): set its status with a note and, when it was answered
// later, the meeting and section where; or remove it as not a question. Shown only to redaktörer and admins.
import { el, replace } from '../dom.ts';
import { api } from '../api/client.ts';
import { canCorrect, send } from '../auth/session.ts';
import { formatDate } from '../format/dates.ts';
import { protocolName } from '../format/protocol-name.ts';
import './corrections.css';

export interface CorrectableQuestion {
  id: string;
  status: string;
  protocolId: string;
  forvaltning: string | null;
  date: string | null;
}

const STATUSES: Array<[string, string]> = [
  ['answered', 'Besvarad'],
  ['deferred', 'Arbetsgivaren återkommer'],
  ['unanswered', 'Obesvarad'],
];

async function laterMeetings(question: CorrectableQuestion): Promise<Array<[string, string]>> {
  const { protocols } = await api.protocols({ forvaltning: question.forvaltning ?? undefined, from: question.date ?? undefined, order: 'asc' });
  return protocols
    .filter((p) => p.id !== question.protocolId)
    .map((p): [string, string] => [p.id, `${formatDate(p.date)} – ${protocolName(p.title, p.body, p.forvaltning)}`]);
}

function form(question: CorrectableQuestion, done: () => void): HTMLElement {
  const key = question.id.replace(/[^a-z0-9-]/gi, '');
  const field = (label: string, control: HTMLElement, wide = false) =>
    el('div', { class: wide ? 'field wide' : 'field' }, el('label', { attrs: { for: control.id } }, label), control);
  const status = el('select', { attrs: { id: `c-status-${key}` } }, ...STATUSES.map(([v, t]) => el('option', { attrs: { value: v, selected: v === question.status } }, t)));
  const meeting = el('select', { attrs: { id: `c-meeting-${key}` } }, el('option', { attrs: { value: '' } }, 'Samma möte / inget'));
  const section = el('input', { attrs: { id: `c-section-${key}`, inputmode: 'decimal', placeholder: 't.ex. 5', size: 6 } });
  const note = el('input', { attrs: { id: `c-note-${key}`, maxlength: 2000 } });
  const message = el('p', { class: 'corrector-status', attrs: { role: 'status' } });
  void laterMeetings(question).then((options) => meeting.append(...options.map(([v, t]) => el('option', { attrs: { value: v } }, t))));

  const fail = (error: unknown) => replace(message, `Kunde inte spara: ${error instanceof Error ? error.message : String(error)}`);
  const save = (event: Event) => {
    event.preventDefault();
    replace(message, 'Sparar …');
    const answeredIn = meeting.value ? { protocolId: meeting.value, section: section.value.trim() || null } : null;
    send('PATCH', `/questions/${encodeURIComponent(question.id)}`, { status: status.value, note: note.value, answeredIn }).then(done, fail);
  };
  const remove = () => {
    if (!window.confirm('Ta bort det här ur frågorna? Ändringen syns i historiken och kan ångras.')) return;
    send('DELETE', `/questions/${encodeURIComponent(question.id)}`, { note: note.value }).then(done, fail);
  };
  return el(
    'form',
    { class: 'corrector-form', attrs: { 'aria-label': 'Rätta frågan' }, on: { submit: save } },
    field('Status', status),
    field('Besvarad vid mötet', meeting),
    field('Avsnitt (§)', section),
    field('Notering', note, true),
    el('button', { attrs: { type: 'submit' } }, 'Spara rättelsen'),
    el('button', { class: 'secondary', attrs: { type: 'button' }, on: { click: remove } }, 'Inte en fråga – ta bort'),
    message,
  );
}

/** The "Rätta" control, filled in once the page knows the reader may correct; empty for everyone else. */
export function questionCorrector(question: CorrectableQuestion, done: () => void): HTMLElement {
  const holder = el('div', { class: 'corrector' });
  void canCorrect().then((allowed) => {
    if (!allowed) return;
    const toggle = el('button', { class: 'link-button', attrs: { type: 'button', 'aria-expanded': 'false' } }, 'Rätta');
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      holder.querySelector('form')?.remove();
      if (open) holder.append(form(question, done));
    });
    holder.append(toggle);
  });
  return holder;
}
