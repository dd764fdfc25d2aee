import { IatiFileError } from './errors.ts';
import type { XmlHandler } from './xml-tokenizer.ts';
import { getAttribute, type Attributes } from './xml-tag.ts';

/** An element of one activity: the small tree the mapping reads, then drops. */
export interface XmlNode {
  readonly name: string;
  readonly attributes: Attributes;
  /** Shared and empty until the first child arrives: most elements are leaves. */
  children: readonly XmlNode[];
  text: string;
  readonly line: number;
  /** xml:lang in scope (the element's own, else inherited), as published. */
  readonly lang: string | null;
  /** Children by name, built on first lookup of a large element (see reader.ts). */
  byName: Map<string, XmlNode[]> | null;
}

export interface RawActivity {
  node: XmlNode;
  /** Why the activity cannot be read at all (too large, misplaced), else null. */
  problem: string | null;
}

export interface RootInfo {
  name: string;
  version: string | null;
  lang: string | null;
}

/** Longest text of one element, in characters. */
export const MAX_TEXT = 1 << 20;
/** Largest activity, in characters of start tags and text. */
export const MAX_ACTIVITY = 32 << 20;
// What an element costs beyond its start tag, roughly, so that a flood of empty elements counts.
const ELEMENT_COST = 64;

/**
 * Builds one `iati-activity` at a time from the tokenizer's events and queues it when it
 * closes; everything outside activities is only looked at, never kept. An activity that grows
 * past the limits stops growing: it is queued with a problem and rejected, and memory stays
 * bounded whatever the file holds.
 */
export class ActivityTreeBuilder implements XmlHandler {
  wantsText = false;
  root: RootInfo | null = null;
  readonly ready: RawActivity[] = [];
  readonly #source: string;
  #depth = 0;
  readonly #stack: XmlNode[] = [];
  #skip = 0; // depth inside a subtree that is not kept
  #size = 0;
  #problem: string | null = null;
  #full = false; // past a size limit: nothing more is kept
  #nested: number[] = []; // lines of iati-activity elements found inside the current one

  constructor(source: string) {
    this.#source = source;
  }

  open(name: string, attributes: Attributes, line: number, column: number, length: number): void {
    const depth = ++this.#depth;
    if (depth === 1) this.#openRoot(name, attributes, line, column);
    const stack = this.#stack;
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      if (name !== 'iati-activity') return;
      const misplaced = depth > 2 || (depth === 2 && this.root?.name !== 'iati-activities');
      this.#problem = misplaced ? 'is not a child of iati-activities' : null;
      this.#size = 0;
      const lang = getAttribute(attributes, 'xml:lang') || this.root?.lang || null;
      stack.push(newNode(name, attributes, line, lang));
      this.#update();
      return;
    }
    if (this.#skip > 0 || name === 'iati-activity') {
      if (name === 'iati-activity') {
        this.#nested.push(line);
        this.#fault(`contains another iati-activity (line ${line}); activities cannot nest`);
      }
      this.#skip++;
      this.#update();
      return;
    }
    this.#size += length + ELEMENT_COST;
    if (this.#size > MAX_ACTIVITY) {
      this.#fault(`is larger than ${MAX_ACTIVITY >> 20} MB`, true);
      this.#skip = 1;
      this.#update();
      return;
    }
    // An empty xml:lang (hundreds in d-portal's files) means the default, not "no language".
    const node = newNode(
      name,
      attributes,
      line,
      getAttribute(attributes, 'xml:lang') || parent.lang,
    );
    if (parent.children === LEAF) parent.children = [node];
    else (parent.children as XmlNode[]).push(node);
    stack.push(node);
  }

  close(): void {
    this.#depth--;
    const stack = this.#stack;
    if (stack.length === 0) return;
    if (this.#skip > 0) {
      this.#skip--;
      this.#update();
      return;
    }
    const node = stack.pop();
    if (node === undefined || stack.length > 0) return;
    this.ready.push({ node, problem: this.#problem });
    // Nested activities are accounted for too, each as its own rejected item.
    for (const line of this.#nested) {
      const orphan = newNode('iati-activity', [], line, null);
      this.ready.push({
        node: orphan,
        problem: `is nested inside the iati-activity at line ${node.line}`,
      });
    }
    this.#nested = [];
    this.#problem = null;
    this.#full = false;
    this.#update();
  }

  /** Whitespace after text in the same element is part of it: "Roads<!-- --> and bridges". */
  get wantsBlank(): boolean {
    return this.wantsText && this.#stack[this.#stack.length - 1]?.text !== '';
  }

  text(text: string): void {
    const node = this.#stack[this.#stack.length - 1];
    if (node === undefined || this.#skip > 0) return;
    this.#size += text.length;
    if (node.text.length + text.length > MAX_TEXT) {
      const problem = `<${node.name}> at line ${node.line} holds more than ${MAX_TEXT >> 20} MB of text`;
      this.#fault(problem, true);
    } else if (this.#size > MAX_ACTIVITY) {
      this.#fault(`is larger than ${MAX_ACTIVITY >> 20} MB`, true);
    } else {
      node.text = node.text === '' ? text : node.text + text;
    }
  }

  #openRoot(name: string, attributes: Attributes, line: number, column: number): void {
    if (name !== 'iati-activities' && name !== 'iati-activity') {
      const reason = `not an IATI activity file: the root element is <${name}>, not <iati-activities>`;
      throw new IatiFileError(this.#source, line, column, reason);
    }
    const version = getAttribute(attributes, 'version') ?? null;
    this.root = { name, version, lang: getAttribute(attributes, 'xml:lang') || null };
  }

  #fault(problem: string, full = false): void {
    this.#problem ??= problem;
    this.#full ||= full;
    this.#update();
  }

  // Text is only worth slicing out of the buffer for an activity that is being kept.
  #update(): void {
    this.wantsText = this.#stack.length > 0 && this.#skip === 0 && !this.#full;
  }
}

const LEAF: readonly XmlNode[] = Object.freeze([]);

function newNode(name: string, attributes: Attributes, line: number, lang: string | null): XmlNode {
  return { name, attributes, children: LEAF, text: '', line, lang, byName: null };
}
