// Swedish number and time formats for vega (d3-format / d3-time-format locale definitions, sv-SE), so
// axes read "1 234,5" and "mars 2024" rather than the English defaults.

export const SWEDISH_NUMBERS = {
  decimal: ',',
  thousands: '\u00a0',
  grouping: [3],
  currency: ['', '\u00a0kr'],
  percent: '\u00a0%',
};

export const SWEDISH_TIME = {
  dateTime: '%A %e %B %Y %X',
  date: '%Y-%m-%d',
  time: '%H:%M:%S',
  periods: ['fm', 'em'],
  days: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'],
  shortDays: ['sön', 'mån', 'tis', 'ons', 'tor', 'fre', 'lör'],
  months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  shortMonths: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
};

/** Labels of vega-embed's action menu. */
export const SWEDISH_ACTIONS = {
  CLICK_TO_VIEW_ACTIONS: 'Spara diagrammet',
  PNG_ACTION: 'Spara som PNG',
  SVG_ACTION: 'Spara som SVG',
  SOURCE_ACTION: 'Visa källkod',
  COMPILED_ACTION: 'Visa Vega-kod',
  EDITOR_ACTION: 'Öppna i Vega Editor',
};
