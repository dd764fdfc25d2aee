import type { XmlNode } from './activity-tree.ts';

/**
 * An element as the mapping sees it. Its path for messages (e.g. transaction[3]/value) is
 * only built when a message needs it: most elements never have one.
 */
export interface El {
  readonly node: XmlNode;
  readonly parent: El | null;
  /** Position among same-named siblings, from 1, when there are several; else 0. */
  readonly index: number;
}

export function rootEl(node: XmlNode): El {
  return { node, parent: null, index: 0 };
}

export function pathOf(el: El): string {
  if (el.parent === null) return '';
  const own = el.index > 0 ? `${el.node.name}[${el.index}]` : el.node.name;
  const above = pathOf(el.parent);
  return above === '' ? own : `${above}/${own}`;
}

const NONE: readonly XmlNode[] = [];

/** Children named `name`; large elements (an activity with 500 budgets) are indexed once. */
export function childrenNamed(node: XmlNode, name: string): readonly XmlNode[] {
  const children = node.children;
  if (children.length <= 8) {
    let found: XmlNode[] | null = null;
    for (const child of children) if (child.name === name) (found ??= []).push(child);
    return found ?? NONE;
  }
  let index = node.byName;
  if (index === null) {
    index = new Map();
    for (const child of children) {
      const list = index.get(child.name);
      if (list) list.push(child);
      else index.set(child.name, [child]);
    }
    node.byName = index;
  }
  return index.get(name) ?? NONE;
}
