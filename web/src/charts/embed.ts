// Draws a vega-lite spec into an element with vega-embed: SVG output, Swedish formats, PNG/SVG export as the
// only actions, and vega's expression interpreter instead of compiled expressions, because the page's
// Content-Security-Policy forbids eval.
import embed from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';
import { SWEDISH_ACTIONS, SWEDISH_NUMBERS, SWEDISH_TIME } from './locale.ts';

export interface DrawnChart {
  finalize(): void;
}

export async function drawChart(container: HTMLElement, spec: TopLevelSpec, fileName: string): Promise<DrawnChart> {
  const result = await embed(container, spec, {
    renderer: 'svg',
    actions: { export: { png: true, svg: true }, source: false, compiled: false, editor: false },
    ast: true,
    expr: expressionInterpreter,
    formatLocale: SWEDISH_NUMBERS,
    timeFormatLocale: SWEDISH_TIME,
    i18n: SWEDISH_ACTIONS,
    downloadFileName: fileName,
    scaleFactor: 2,
  });
  makeActionsKeyboardUsable(container, result.view);
  return { finalize: () => result.finalize() };
}

/**
 * vega-embed fills in the export links' URLs on mousedown only, so the links do nothing when opened with the
 * keyboard. Filling them in when they receive focus as well makes Enter work; the menu button gets a name.
 */
function makeActionsKeyboardUsable(container: HTMLElement, view: { toImageURL(type: string, scale?: number): Promise<string> }): void {
  container.querySelector('summary')?.setAttribute('aria-label', SWEDISH_ACTIONS.CLICK_TO_VIEW_ACTIONS);
  for (const link of container.querySelectorAll<HTMLAnchorElement>('.vega-actions a[download]')) {
    const type = link.download.endsWith('.png') ? 'png' : 'svg';
    link.addEventListener('focus', async () => {
      link.href = await view.toImageURL(type, 2);
    });
  }
}
