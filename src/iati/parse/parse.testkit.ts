/** Helpers for the parser's tests: documents written inline, parsed in one go. */
import { IatiFileError } from './errors.ts';
import { parseIatiStream, type ParseOptions } from './parse-stream.ts';
import type { ParseSummary, ParsedActivity } from './types.ts';

export type Source = string | Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function* chunksOf(source: Source, size: number): AsyncGenerator<Uint8Array> {
  if (typeof source === 'string') source = bytes(source);
  if (source instanceof Uint8Array) {
    for (let at = 0; at < source.length; at += size) yield source.subarray(at, at + size);
  } else {
    yield* source;
  }
}

export interface Parsed {
  items: ParsedActivity[];
  summary: ParseSummary;
}

/** Parses a whole document, in chunks of `chunkSize` bytes (small ones test the boundaries). */
export async function parse(
  source: Source,
  options: Partial<ParseOptions> = {},
  chunkSize = 7,
): Promise<Parsed> {
  const items: ParsedActivity[] = [];
  const parser = parseIatiStream(chunksOf(source, chunkSize), { source: 'test.xml', ...options });
  for (let next = await parser.next(); ; next = await parser.next()) {
    if (next.done) return { items, summary: next.value };
    items.push(next.value);
  }
}

/** The error that refuses the document; fails the test when the document is accepted. */
export async function refusal(source: Source, chunkSize = 7): Promise<IatiFileError> {
  try {
    await parse(source, {}, chunkSize);
  } catch (error) {
    if (error instanceof IatiFileError) return error;
    throw error;
  }
  throw new Error('the document was accepted');
}

export function document(activities: string, root = 'version="2.03"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities ${root}>\n${activities}\n</iati-activities>\n`;
}

/** A small valid activity; `extra` goes in before the transaction, `value` is its amount. */
export function activity({
  id = 'XM-DAC-46004-T1',
  extra = '',
  value = '1000.00',
  attributes = '',
} = {}): string {
  return `<iati-activity default-currency="USD" ${attributes}>
  <iati-identifier>${id}</iati-identifier>
  <reporting-org ref="XM-DAC-46004" type="40"><narrative>ADB</narrative></reporting-org>
  <title><narrative>Test road</narrative></title>
  <description><narrative>Written for the parser's tests.</narrative></description>
  <participating-org role="1" ref="XM-DAC-46004"/>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2024-01-01"/>${extra}
  <transaction>
   <transaction-type code="3"/>
   <transaction-date iso-date="2024-02-01"/>
   <value>${value}</value>
  </transaction>
 </iati-activity>`;
}

/** The single item of a one-activity document. */
export async function only(
  activities: string,
  options: Partial<ParseOptions> = {},
): Promise<ParsedActivity> {
  const { items } = await parse(document(activities), options);
  const [item] = items;
  if (item === undefined || items.length > 1)
    throw new Error(`expected one activity, got ${items.length}`);
  return item;
}

export function errorsOf(item: ParsedActivity): string[] {
  return item.ok ? [] : item.errors;
}
