// A plain data table: the text alternative under each chart, and the tables of the archive page.
import { el, type Child } from '../dom.ts';

export interface Column<Row> {
  title: string;
  value: (row: Row) => Child;
  /** Right-align numbers so they can be compared down the column. */
  numeric?: boolean;
}

export function dataTable<Row>(caption: string, columns: Column<Row>[], rows: Row[]): HTMLElement {
  return el(
    'div',
    { class: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': caption } },
    el(
      'table',
      {},
      el('caption', { class: 'visually-hidden' }, caption),
      el('thead', {}, el('tr', {}, ...columns.map((column) => el('th', { attrs: { scope: 'col' }, class: column.numeric ? 'num' : '' }, column.title)))),
      // data-label lets narrow screens show each row as a small card of "title: value" lines.
      el('tbody', {}, ...rows.map((row) => el('tr', {}, ...columns.map((column) => el('td', { class: column.numeric ? 'num' : '', attrs: { 'data-label': column.title } }, column.value(row)))))),
    ),
  );
}
