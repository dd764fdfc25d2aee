import { isCode, type CodelistName } from '../../reference/codes.ts';
import type { IsoDate, Narrative } from '../../portfolio/activity.model.ts';
import type { XmlNode } from './activity-tree.ts';
import { childrenNamed, pathOf, type El } from './el.ts';
import { isoDate, normaliseLanguage, parseBoolean, plainDecimal } from './values.ts';
import { getAttribute } from './xml-tag.ts';

/**
 * 'full' applies every rule; 'schema' applies only what the IATI 2.03 XSD itself enforces
 * (structure, required parts, data types) and skips codelists and the stricter rules, which
 * is how the schema's own conformance suite is checked.
 */
export type Checks = 'full' | 'schema';

export interface CodeOptions {
  required?: boolean;
  /** Version 1 codes (or words) and the 2.0x codes they stand for. */
  v1?: ReadonlyMap<string, string>;
  /** In version 1 files, drop an unknown or missing code with a warning instead of rejecting. */
  lenient?: boolean;
  /** Codes compared and kept in lower case (MIME types, languages: d-portal upper-cases them). */
  lowerCase?: boolean;
}

/**
 * Reads one activity's elements for the mapping and collects what is wrong with them, each
 * reason naming its line and element path. Reading goes on after an error so that a
 * rejected activity lists every reason, not only the first.
 */
export class ActivityReader {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  readonly legacy: boolean;
  readonly full: boolean;
  readonly #warnedLanguages = new Set<string>();

  constructor(legacy: boolean, checks: Checks) {
    this.legacy = legacy;
    this.full = checks === 'full';
  }

  error(el: El, message: string, attribute?: string): void {
    this.errors.push(`line ${el.node.line}: ${where(el, attribute)}: ${message}`);
  }

  warn(el: El, message: string, attribute?: string): void {
    this.warnings.push(`line ${el.node.line}: ${where(el, attribute)}: ${message}`);
  }

  /** Every child element named `name`. */
  all(el: El, name: string): El[] {
    const nodes = childrenNamed(el.node, name);
    if (nodes.length <= 1)
      return nodes.length === 0 ? [] : [{ node: nodes[0] as XmlNode, parent: el, index: 0 }];
    return nodes.map((node, i) => ({ node, parent: el, index: i + 1 }));
  }

  /** The child named `name` that may appear once (version 1 allowed repeats: the first counts). */
  one(el: El, name: string, required = false): El | null {
    let first: XmlNode | undefined;
    let second: XmlNode | undefined;
    const children = el.node.children;
    if (children.length <= 8) {
      // The common case, without the array childrenNamed would build.
      for (const child of children) {
        if (child.name !== name) continue;
        if (first === undefined) first = child;
        else if (second === undefined) second = child;
      }
    } else {
      const nodes = childrenNamed(el.node, name);
      first = nodes[0];
      second = nodes[1];
    }
    if (second && !this.legacy)
      this.error({ node: second, parent: el, index: 2 }, `<${name}> may appear only once here`);
    if (!first && required) this.error(el, `<${name}> is required`);
    return first ? { node: first, parent: el, index: second ? 1 : 0 } : null;
  }

  has(el: El, name: string): boolean {
    return getAttribute(el.node.attributes, name) !== undefined;
  }

  /** An attribute, trimmed; null when absent or empty. */
  value(el: El, name: string): string | null {
    const raw = getAttribute(el.node.attributes, name);
    if (raw === undefined) return null;
    const trimmed = raw.trim();
    return trimmed === '' ? null : trimmed;
  }

  /** A required attribute: absent is an error (XSD); empty is one too under full checks. */
  required(el: El, name: string): string | null {
    const raw = getAttribute(el.node.attributes, name);
    if (raw === undefined) {
      this.error(el, 'is required', name);
      return null;
    }
    const trimmed = raw.trim();
    if (trimmed === '' && this.full) this.error(el, 'is empty', name);
    return trimmed === '' ? null : trimmed;
  }

  /** A code attribute, checked against its codelist under full checks. */
  code(el: El, name: string, list: CodelistName | null, options: CodeOptions = {}): string | null {
    const lenient = this.legacy && options.lenient === true;
    const published = options.required && !lenient ? this.required(el, name) : this.value(el, name);
    const raw = options.lowerCase ? (published?.toLowerCase() ?? null) : published;
    if (raw === null) {
      if (lenient && options.required) this.warn(el, 'is missing; ignored (version 1 file)', name);
      return null;
    }
    const v1 = options.v1?.get(raw) ?? options.v1?.get(raw.toLowerCase());
    if (v1 !== undefined) {
      if (!this.legacy) this.warn(el, `version 1 code "${raw}" read as "${v1}"`, name);
      return v1;
    }
    if (list !== null && this.full && !isCode(list, raw)) {
      if (lenient) {
        this.warn(el, `"${raw}" is not a ${list} code; ignored (version 1 file)`, name);
      } else {
        this.error(el, `"${raw}" is not a ${list} code`, name);
      }
      return null;
    }
    return raw;
  }

  /** An element that carries only a @code (2.0x): text inside it is an error. */
  codeElement(el: El, list: CodelistName | null, options: CodeOptions = {}): string | null {
    this.noText(el);
    return this.code(el, 'code', list, { required: true, ...options });
  }

  noText(el: El): void {
    if (!this.legacy && el.node.text.trim() !== '') this.error(el, 'must not contain text');
  }

  date(el: El, name: string, required: boolean): IsoDate | null {
    const raw = required ? this.required(el, name) : this.value(el, name);
    if (raw === null) return null;
    const date = isoDate(raw);
    if (date === null) this.error(el, `"${raw}" is not a real date (YYYY-MM-DD)`, name);
    return date;
  }

  /** An element dated by @iso-date; version 1 also allowed the date as its text. */
  dateElement(el: El): IsoDate | null {
    const text = el.node.text.trim();
    if (this.legacy && this.value(el, 'iso-date') === null && text !== '') {
      const date = isoDate(text);
      if (date === null) this.error(el, `"${text}" is not a real date (YYYY-MM-DD)`);
      return date;
    }
    this.noText(el);
    return this.date(el, 'iso-date', true);
  }

  /** Any xs:decimal, as a plain decimal ("5." is kept as "5", ".5" as "0.5"). */
  decimal(el: El, text: string, attribute?: string): string | null {
    const plain = plainDecimal(text);
    if (plain !== null) return plain;
    this.error(el, `${JSON.stringify(text)} is not a decimal number`, attribute);
    return null;
  }

  percentage(el: El, name = 'percentage'): string | null {
    const raw = this.value(el, name);
    if (raw === null) {
      // Given but empty is not an xs:decimal (version 1 files leave it empty for "not given").
      if (!this.legacy && this.has(el, name)) {
        this.error(el, 'is empty; a percentage is a number from 0 to 100', name);
      }
      return null;
    }
    const value = this.decimal(el, raw, name);
    if (value !== null && (Number(value) < 0 || Number(value) > 100)) {
      this.error(el, `${value} is not a percentage between 0 and 100`, name);
      return null;
    }
    return value;
  }

  boolean(el: El, name: string, required = false): boolean | null {
    const published = getAttribute(el.node.attributes, name);
    if (published === undefined) {
      if (required) this.error(el, 'is required', name);
      return null;
    }
    const raw = published.trim();
    if (raw === '' && this.legacy) return null;
    const value = parseBoolean(raw);
    if (value === null) this.error(el, `"${raw}" is not a boolean (1, 0, true or false)`, name);
    return value;
  }

  /**
   * The element's narratives. Version 1 put the text directly in the element, if any; 2.0x
   * requires <narrative> where `required`. An empty narrative is kept as published (d-portal
   * writes many), so that the activity exports as it came.
   */
  narratives(el: El, required = false): Narrative[] {
    const narratives: Narrative[] = [];
    let elements = 0;
    for (const child of el.node.children) {
      if (child.name !== 'narrative') continue;
      elements++;
      narratives.push({ lang: this.language(el, child), text: child.text.trim() });
    }
    const direct = el.node.text.trim();
    if (elements === 0 && direct !== '') {
      if (this.legacy) return [{ lang: this.language(el, el.node), text: direct }];
      this.error(el, 'text must be inside <narrative> elements (IATI 2.0x)');
    } else if (elements === 0 && required && !this.legacy) {
      this.error(el, 'needs at least one <narrative>');
    }
    return narratives;
  }

  language(el: El, node: XmlNode): string | null {
    const { code, known } = normaliseLanguage(node.lang);
    if (!known && node.lang !== null && !this.#warnedLanguages.has(node.lang)) {
      this.#warnedLanguages.add(node.lang);
      this.warn(el, `unknown language "${node.lang}" kept as "${code}"`, 'xml:lang');
    }
    return code;
  }
}

function where(el: El, attribute: string | undefined): string {
  const path = pathOf(el) || 'iati-activity';
  return attribute === undefined ? path : `${path}/@${attribute}`;
}
