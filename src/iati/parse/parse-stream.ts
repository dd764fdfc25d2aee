import { ActivityTreeBuilder } from './activity-tree.ts';
import { ByteDecoder, DecodeError, HEAD_BYTES, detectEncoding } from './decode.ts';
import { IatiFileError } from './errors.ts';
import { isLegacyVersion } from './legacy-codes.ts';
import { readActivity } from './read-activity.ts';
import type { Checks } from './reader.ts';
import type { ParseSummary, ParsedActivity } from './types.ts';
import { getAttribute } from './xml-tag.ts';
import { XmlTokenizer } from './xml-tokenizer.ts';

export interface ParseOptions {
  /** How the file is named in messages, e.g. its path. */
  source: string;
  /** 'full' (the default) or 'schema': only what the IATI XSD enforces (see reader.ts). */
  checks?: Checks;
}

type Input = AsyncIterable<Uint8Array> | NodeJS.ReadableStream;

const PIECE = 1 << 16;

/**
 * Reads an IATI activity file as a stream and yields each iati-activity as soon as it closes,
 * mapped and validated, in document order; returns a summary. A file that cannot be read
 * (not XML, not well-formed, a DTD, a bad encoding) throws IatiFileError, possibly after some
 * activities were yielded: the caller then discards them with the rest of the file.
 */
export async function* parseIatiStream(
  input: Input,
  options: ParseOptions,
): AsyncGenerator<ParsedActivity, ParseSummary> {
  const { source } = options;
  const checks = options.checks ?? 'full';
  const builder = new ActivityTreeBuilder(source);
  const tokenizer = new XmlTokenizer(builder, source);
  let decoder: ByteDecoder | null = null;
  let head: Uint8Array[] = [];
  let headBytes = 0;
  let bytes = 0;
  let activities = 0;
  let legacy = false;

  const feed = (chunk: Uint8Array): void => {
    if (decoder === null) {
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes < HEAD_BYTES) return;
      decoder = openDecoder(Buffer.concat(head), source, tokenizer);
      head = [];
      return;
    }
    decodeInto(decoder, chunk, tokenizer);
  };

  function* drain(): Generator<ParsedActivity> {
    for (const raw of builder.ready) {
      const parsed = readActivity(raw, builder.root, checks);
      activities++;
      legacy ||= isLegacyVersion(
        getAttribute(raw.node.attributes, 'version') ?? builder.root?.version ?? null,
      );
      yield parsed;
    }
    builder.ready.length = 0;
  }

  for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
    if (typeof chunk === 'string')
      throw new TypeError('parseIatiStream reads bytes; do not set an encoding on the stream');
    bytes += chunk.length;
    // Pieces of 64 KiB keep the tokenizer's buffer small whatever chunks the caller reads, and
    // scan fastest (a longer string is more often stored two bytes a character throughout).
    for (let at = 0; at < chunk.length; at += PIECE) feed(chunk.subarray(at, at + PIECE));
    yield* drain();
  }
  decoder ??= openDecoder(Buffer.concat(head), source, tokenizer);
  try {
    tokenizer.feed(decoder.end());
  } catch (error) {
    if (error instanceof DecodeError) throw tokenizer.errorAtEnd(error.message);
    throw error;
  }
  tokenizer.end();
  yield* drain();
  const version = builder.root?.version ?? null;
  legacy ||= builder.root !== null && isLegacyVersion(version);
  return { version, legacy, activities, bytes };
}

function openDecoder(head: Uint8Array, source: string, tokenizer: XmlTokenizer): ByteDecoder {
  let detected;
  try {
    detected = detectEncoding(head);
  } catch (error) {
    if (error instanceof DecodeError) throw new IatiFileError(source, 1, 1, error.message);
    throw error;
  }
  const decoder = new ByteDecoder(detected.encoding);
  decodeInto(decoder, head.subarray(detected.bom), tokenizer);
  return decoder;
}

function decodeInto(decoder: ByteDecoder, chunk: Uint8Array, tokenizer: XmlTokenizer): void {
  let text: string;
  try {
    text = decoder.decode(chunk);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    // Read up to the fault so that the error names its line.
    tokenizer.feed(error.validText);
    throw tokenizer.errorAtEnd(error.message);
  }
  tokenizer.feed(text);
}
