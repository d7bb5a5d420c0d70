// Fills sentence templates: "{party} undrar {ask}." with { party: 'Vision', ask: 'om …' }.

export type Slots = Record<string, string>;

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Replaces every {name} with its slot; an unknown slot is a bug in the phrase data, so it throws. */
export function fill(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`template slot {${name}} has no value in "${template}"`);
    return value;
  });
}
