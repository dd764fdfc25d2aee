import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline, Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AppError } from '../errors.ts';

/** One input to import: a file (gzipped or not) or standard input. */
export interface ImportSource {
  path: string;
  /** Bytes on disk, when known: what progress and ETA are measured against. */
  size: number | null;
  /** The decompressed bytes; `onBytes` sees the raw bytes as they are read. */
  open(onBytes?: (count: number) => void): Readable;
}

const IMPORTABLE = /\.(xml|xml\.gz|gz)$/i;

function counting(onBytes: ((count: number) => void) | undefined): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes?.(chunk.length);
      done(null, chunk);
    },
  });
}

/**
 * The decompressed bytes of `raw`, its raw bytes counted as they are read. Joined by pipeline,
 * not pipe: a read error (EIO, say) reaches the reader as that file's error instead of crashing
 * the process, and a reader that stops early (a refused file) closes the file with it.
 */
export function readCounted(
  raw: Readable,
  gzipped: boolean,
  onBytes?: (count: number) => void,
): Readable {
  // Errors reach the reader through the last stage, which pipeline destroys with them.
  const ignore = () => {};
  return gzipped
    ? pipeline(raw, counting(onBytes), createGunzip(), ignore)
    : pipeline(raw, counting(onBytes), ignore);
}

function fileSource(path: string, size: number | null, stream: () => Readable): ImportSource {
  const gzipped = /\.gz$/i.test(path);
  return { path, size, open: (onBytes) => readCounted(stream(), gzipped, onBytes) };
}

async function* walk(folder: string): AsyncGenerator<string> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && IMPORTABLE.test(entry.name)) yield path;
  }
}

/**
 * Expands the command's arguments: files as named, folders recursively (their .xml and .gz
 * files, in name order), and `-` for standard input.
 */
export async function* expandSources(
  paths: readonly string[],
  stdin: () => Readable = () => process.stdin,
): AsyncGenerator<ImportSource> {
  for (const path of paths) {
    if (path === '-') {
      yield fileSource('-', null, stdin);
      continue;
    }
    const info = await stat(path).catch(() => {
      throw new AppError('not_found', `${path}: no such file or folder`);
    });
    if (info.isDirectory()) {
      for await (const file of walk(path)) {
        const { size } = await stat(file);
        yield fileSource(file, size, () => createReadStream(file));
      }
    } else {
      yield fileSource(path, info.size, () => createReadStream(path));
    }
  }
}
