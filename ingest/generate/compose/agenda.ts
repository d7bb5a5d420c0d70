// Numbers a förvaltning's agenda template in its numbering habit: "1 Mötets öppnande", "2. Godkännande …",
// "§ 3 Val av justerare", sub-items "5.1 Information". The normalised number ("3", "5.1") is what the truth
// records and what the parser is expected to report.
import type { AgendaItem, ItemRole } from '../data/agendas.ts';
import type { NumberingStyle } from '../data/forvaltningar.ts';

export interface NumberedItem {
  number: string;
  heading: string;
  title: string;
  role: ItemRole;
  itemized: boolean;
  children: NumberedItem[];
}

/** The printed heading for an item numbered `number` at the given depth (0 = top level). */
export function headingText(number: string, title: string, depth: number, numbering: NumberingStyle, first: boolean): string {
  if (depth > 0) return `${number} ${title}`;
  if (numbering === 'paragraph') return `§ ${number} ${title}`;
  if (numbering === 'plain' || (numbering === 'mixed' && first)) return `${number} ${title}`;
  return `${number}. ${title}`;
}

export function numberAgenda(items: readonly AgendaItem[], numbering: NumberingStyle, prefix = '', depth = 0): NumberedItem[] {
  return items.map((item, i) => {
    const number = `${prefix}${i + 1}`;
    return {
      number,
      heading: headingText(number, item.title, depth, numbering, depth === 0 && i === 0),
      title: item.title,
      role: item.role,
      itemized: item.itemized ?? false,
      children: numberAgenda(item.children ?? [], numbering, `${number}.`, depth + 1),
    };
  });
}

/** Every item, depth first, in document order. */
export function flatten(items: readonly NumberedItem[]): NumberedItem[] {
  return items.flatMap((item) => [item, ...flatten(item.children)]);
}

/**
 * The item where a question from an earlier meeting is raised again. In agendas with both a balance list and
 * a "Kvarvarande frågor" item, a question coming back at the very next meeting goes to the latter and one that
 * has waited longer to the balance list, as in Hägersten-Älvsjö's protocols.
 */
export function followUpItem(items: readonly NumberedItem[], waitedLonger: boolean): NumberedItem {
  const all = flatten(items);
  const balance = all.find((i) => i.role === 'balance');
  const followups = all.find((i) => i.role === 'followups');
  const chosen = waitedLonger && balance ? balance : (followups ?? balance);
  if (!chosen) throw new Error('agenda has no item for earlier questions');
  return chosen;
}

/** The item a discussion of the given role goes under, falling back to general information. */
export function itemForRole(items: readonly NumberedItem[], role: ItemRole): NumberedItem {
  const all = flatten(items);
  const fallbacks: Partial<Record<ItemRole, ItemRole[]>> = {
    economy: ['economy', 'workenv', 'info'],
    competence: ['competence', 'workenv', 'info'],
    workenv: ['workenv', 'info'],
  };
  for (const r of fallbacks[role] ?? [role, 'info']) {
    const found = all.find((i) => i.role === r);
    if (found) return found;
  }
  throw new Error(`agenda has no item for ${role}`);
}
