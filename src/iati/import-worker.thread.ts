/**
 * The parsing thread of an import (see import-worker.ts): bytes of one file at a time in,
 * batches of rows out. One file is read at a time; its messages carry the file's session.
 */
import { parentPort } from 'node:worker_threads';
import { importBatches, type BatchOptions } from './import-batches.ts';
import { IatiFileError } from './parse/index.ts';
import type { FromParser, ToParser } from './import-worker.ts';

if (!parentPort) throw new Error('import-worker.thread.ts runs as a worker thread');
const port = parentPort;
const post = (message: FromParser) => port.postMessage(message);

/** Chunks of the current file, handed to the parser as it asks for them. */
class Chunks implements AsyncIterable<Uint8Array> {
  readonly #queue: (Uint8Array | null)[] = [];
  #wake: (() => void) | null = null;
  #aborted = false;
  readonly session: number;

  constructor(session: number) {
    this.session = session;
  }

  push(chunk: Uint8Array | null): void {
    this.#queue.push(chunk);
    this.#wake?.();
  }

  abort(): void {
    this.#aborted = true;
    this.#wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      while (this.#queue.length === 0 && !this.#aborted) {
        await new Promise<void>((resolve) => (this.#wake = resolve));
        this.#wake = null;
      }
      if (this.#aborted) throw new Aborted();
      const chunk = this.#queue.shift()!;
      if (chunk === null) return;
      yield chunk;
      // The parser asks for the next chunk only once it has read this one.
      post({ type: 'consumed', session: this.session, bytes: chunk.length });
    }
  }
}

class Aborted extends Error {}

let current: Chunks | null = null;

async function read(chunks: Chunks, options: BatchOptions): Promise<void> {
  const { session } = chunks;
  try {
    const batches = importBatches(chunks, options);
    let next = await batches.next();
    while (!next.done) {
      post({ type: 'batch', session, items: next.value });
      next = await batches.next();
    }
    post({ type: 'done', session, summary: next.value });
  } catch (error) {
    if (error instanceof Aborted) return;
    if (error instanceof IatiFileError) {
      const { source, line, column, reason } = error;
      post({ type: 'refused', session, source, line, column, reason });
    } else {
      // The stack goes to the operator's log, not into the file's reason, which users see.
      console.error(error);
      post({
        type: 'failed',
        session,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  } finally {
    if (current === chunks) current = null;
  }
}

port.on('message', (message: ToParser) => {
  switch (message.type) {
    case 'open':
      current?.abort();
      current = new Chunks(message.session);
      void read(current, { source: message.source, rates: message.rates });
      break;
    case 'chunk':
      if (current?.session === message.session) current.push(message.bytes);
      break;
    case 'end':
      if (current?.session === message.session) current.push(null);
      break;
    case 'abort':
      if (current?.session === message.session) current.abort();
      break;
  }
});
