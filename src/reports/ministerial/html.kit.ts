import { escapeHtml } from './charts.ts';
import type { MinisterialData } from './ministerial.data.ts';
import type { Lang, Words } from './i18n.ts';

/** What every section renders with. */
export interface RenderContext {
  lang: Lang;
  w: Words;
  data: MinisterialData;
}

export const esc = escapeHtml;

export type Cell = string | { html: string; numeric?: boolean };

/** A table; text cells are escaped, `{ html }` cells are trusted markup built here. */
export function table(
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  numericFrom = 1,
): string {
  const cell = (c: Cell, i: number, tag: 'td' | 'th') => {
    const numeric = typeof c === 'object' ? (c.numeric ?? i >= numericFrom) : i >= numericFrom;
    const body = typeof c === 'string' ? esc(c) : c.html;
    return `<${tag}${numeric ? ' class="num"' : ''}>${body}</${tag}>`;
  };
  return (
    '<table><thead><tr>' +
    head.map((h, i) => cell(h, i, 'th')).join('') +
    '</tr></thead><tbody>' +
    rows.map((r) => `<tr>${r.map((c, i) => cell(c, i, 'td')).join('')}</tr>`).join('') +
    '</tbody></table>'
  );
}

export function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
}

export const paragraph = (text: string) => `<p>${esc(text)}</p>`;
