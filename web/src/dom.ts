// Builds DOM elements from plain values. Text always becomes text nodes, never parsed HTML, so document text
// (which may contain anything, including markup) can only ever appear as text.

export type Child = Node | string | number | null | undefined | false;

type Handlers = { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };

export interface Props {
  class?: string;
  /** Attributes; `false`, `null` and `undefined` leave the attribute out, `true` sets it empty. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: Handlers;
}

/** `el('a', { attrs: { href: '/sok' } }, 'Sök')` → `<a href="/sok">Sök</a>`. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, handler] of Object.entries(props.on ?? {})) {
    node.addEventListener(type, handler as EventListener);
  }
  append(node, ...children);
  return node;
}

/** Appends children, turning strings and numbers into text nodes and skipping empty values. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces all children of `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/**
 * Replaces the children of `parent` and, if focus was inside it, puts focus back on the new element with the
 * same id — so a filter bar can be rebuilt with fresh counts without throwing a keyboard user out of it.
 */
export function replaceKeepingFocus(parent: Element, ...children: Child[]): void {
  const focusedId = parent.contains(document.activeElement) ? document.activeElement?.id : undefined;
  replace(parent, ...children);
  if (focusedId) document.getElementById(focusedId)?.focus();
}
