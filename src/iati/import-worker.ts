import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { ImportItem, BatchOptions } from './import-batches.ts';
import { IatiFileError, type ParseSummary } from './parse/index.ts';
import type { ExchangeRateTable } from '../reference/reference.table.ts';

/** Messages to the parsing thread; each names the file's session. */
export type ToParser =
  | { type: 'open'; session: number; source: string; rates: readonly ExchangeRateTable[] }
  | { type: 'chunk'; session: number; bytes: Uint8Array }
  | { type: 'end'; session: number }
  | { type: 'abort'; session: number };

/** Messages from the parsing thread. */
export type FromParser =
  | { type: 'consumed'; session: number; bytes: number }
  | { type: 'batch'; session: number; items: ImportItem[] }
  | { type: 'done'; session: number; summary: ParseSummary }
  | {
      type: 'refused';
      session: number;
      source: string;
      line: number | null;
      column: number | null;
      reason: string;
    }
  | { type: 'failed'; session: number; message: string };

// Bytes sent to the thread but not read yet, and batches read but not stored yet: together
// they bound what an import holds in memory however fast or slow either side is. With two
// batches waiting, each side still idled two to five seconds of a 200 MB import for the other,
// whose pace varies from batch to batch; four gave 10% more throughput and the same peak RSS.
const BYTES_IN_FLIGHT = 2 << 20;
const BATCHES_WAITING = 4;
// V8 sizes a thread's heap for the machine: on one with much memory it lets the young
// generation grow to 128 MB and the old one to four times what is live. The parser needs
// neither; its largest activity (32 MB, see parse/activity-tree.ts) fits well within these.
const YOUNG_GENERATION_MB = 16;
const OLD_GENERATION_MB = 256;

/** Something to wait on until another part calls wake(). */
class Signal {
  #resolve: (() => void) | null = null;

  wait(): Promise<void> {
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  wake(): void {
    const resolve = this.#resolve;
    this.#resolve = null;
    resolve?.();
  }
}

/**
 * Parsing, mapping and validation (import-batches.ts) on a thread of their own, so that a
 * second core works while this one writes: bytes go over as they are read, batches of rows
 * come back. Reads one file at a time; close it when done.
 */
export class ImportWorker {
  readonly #worker: Worker;
  #session = 0;
  #onMessage: ((message: FromParser) => void) | null = null;
  #failure: Error | null = null;
  #onFailure: (() => void) | null = null;

  constructor() {
    this.#worker = new Worker(new URL('./import-worker.thread.ts', import.meta.url), {
      resourceLimits: {
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
        maxOldGenerationSizeMb: OLD_GENERATION_MB,
      },
    });
    this.#worker.on('message', (message: FromParser) => this.#onMessage?.(message));
    const fail = (error: Error) => {
      this.#failure ??= error;
      this.#onFailure?.();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`the parsing thread stopped (exit ${code})`)));
  }

  /** Reads one file; like importBatches, it throws IatiFileError when the file is unreadable. */
  async *batches(
    input: Readable,
    options: BatchOptions,
  ): AsyncGenerator<ImportItem[], ParseSummary> {
    const session = ++this.#session;
    const post = (message: ToParser, transfer: ArrayBuffer[] = []) =>
      this.#worker.postMessage(message, transfer);
    const arrived: Exclude<FromParser, { type: 'consumed' }>[] = [];
    // Changed by the pump and by messages, which TypeScript's narrowing does not see.
    const state = { inFlight: 0, readError: null as Error | null, stopped: false };
    const reader = new Signal();
    const pumper = new Signal();
    const wake = () => {
      reader.wake();
      pumper.wake();
    };
    this.#onMessage = (message) => {
      if (message.session !== session) return;
      if (message.type === 'consumed') state.inFlight -= message.bytes;
      else arrived.push(message);
      wake();
    };
    this.#onFailure = wake;
    const full = () =>
      state.inFlight >= BYTES_IN_FLIGHT ||
      arrived.filter((m) => m.type === 'batch').length >= BATCHES_WAITING;

    post({ type: 'open', session, source: options.source, rates: options.rates });
    const pump = async () => {
      try {
        for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
          if (typeof chunk === 'string') {
            throw new TypeError('the importer reads bytes; do not set an encoding on the stream');
          }
          // A copy of its own, handed over whole: a read buffer may share memory with others.
          const bytes = new Uint8Array(chunk);
          state.inFlight += bytes.length;
          post({ type: 'chunk', session, bytes }, [bytes.buffer]);
          while (full() && !state.stopped && this.#failure === null) await pumper.wait();
          if (state.stopped) return;
        }
        post({ type: 'end', session });
      } catch (error) {
        state.readError = error instanceof Error ? error : new Error(String(error));
        wake();
      }
    };
    void pump();

    let finished = false;
    try {
      for (;;) {
        while (arrived.length === 0 && state.readError === null && this.#failure === null) {
          await reader.wait();
        }
        if (state.readError !== null) throw state.readError;
        if (this.#failure) throw this.#failure;
        const message = arrived.shift()!;
        pumper.wake();
        switch (message.type) {
          case 'batch':
            yield message.items;
            break;
          case 'done':
            finished = true;
            return message.summary;
          case 'refused':
            finished = true;
            throw new IatiFileError(message.source, message.line, message.column, message.reason);
          case 'failed':
            finished = true;
            throw new Error(message.message);
        }
      }
    } finally {
      state.stopped = true;
      pumper.wake();
      if (!finished) post({ type: 'abort', session });
      if (!input.readableEnded) input.destroy();
      this.#onMessage = null;
      this.#onFailure = null;
    }
  }

  /** The thread has stopped (out of memory, say): start another for the next file. */
  get failed(): boolean {
    return this.#failure !== null;
  }

  async close(): Promise<void> {
    this.#worker.removeAllListeners('exit');
    await this.#worker.terminate();
  }
}
