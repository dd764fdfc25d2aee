/**
 * Test support: real readers for the files we write. LibreOffice (libreoffice-calc-nogui) opens
 * them as a user would; unzip shows the XML inside an .xlsx. Tests skip, saying why, when either
 * is missing.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const runs = (command: string, arg: string): boolean => spawnSync(command, [arg]).status === 0;

export const unzipMissing = runs('unzip', '-v')
  ? null
  : 'unzip is not installed (apt-get install unzip)';
export const libreOfficeMissing = runs('libreoffice', '--version')
  ? null
  : 'LibreOffice is not installed (apt-get install --no-install-recommends libreoffice-calc-nogui)';

export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-tabular-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function writeChunks(
  chunks: AsyncIterable<string | Uint8Array>,
  path: string,
): Promise<void> {
  await pipeline(Readable.from(chunks), createWriteStream(path));
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** One entry of a zip file as text. */
export const unzipText = (zip: string, entry: string): Promise<string> =>
  run('unzip', ['-p', zip, entry]);

/** One entry of a zip file as a stream, for entries too large to hold as one string. */
export function unzipStream(zip: string, entry: string): Readable {
  const child = spawn('unzip', ['-p', zip, entry], { stdio: ['ignore', 'pipe', 'inherit'] });
  return child.stdout.setEncoding('utf8');
}

/**
 * Converts a file with LibreOffice, as `libreoffice --headless --convert-to`, and returns the
 * path of the result. Each call gets its own profile so parallel test files do not collide.
 */
export async function convertWithLibreOffice(
  file: string,
  format: string,
  outDir: string,
  inFilter?: string,
): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'caravan-lo-profile-'));
  try {
    const filter = inFilter === undefined ? [] : [`--infilter=${inFilter}`];
    const profileArg = `-env:UserInstallation=file://${profile}`;
    await run('libreoffice', [
      profileArg,
      '--headless',
      ...filter,
      '--convert-to',
      format,
      '--outdir',
      outDir,
      file,
    ]);
    return join(outDir, basename(file).replace(/\.[^.]+$/, `.${format.split(':')[0]}`));
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** Heap in use after a full collection, so that samples compare live data, not garbage. */
export function liveHeap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A cell as LibreOffice holds it: its value type, and its value when it is not text. */
export interface ReadCell {
  type: string;
  value: string;
}

const FODS_CELL = /<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g;
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const attribute = (attributes: string, name: string): string | undefined =>
  new RegExp(`${name}="([^"]*)"`).exec(attributes)?.[1];
// ODF writes runs of spaces as <text:s text:c="N"/>.
const odfText = (text: string): string =>
  text
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n?: string) => ' '.repeat(Number(n ?? 1)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? '');

/**
 * The first sheet of a flat OpenDocument file (LibreOffice's `fods`) as rows of typed cells,
 * without trailing empty cells. Small files only: it reads the whole document.
 */
export function readFodsSheet(fods: string): ReadCell[][] {
  const table = /<table:table [\s\S]*?<\/table:table>/.exec(fods)?.[0] ?? '';
  return [...table.matchAll(/<table:table-row\b[^>]*>([\s\S]*?)<\/table:table-row>/g)].map(
    ([, row = '']) => {
      const cells: ReadCell[] = [];
      for (const [, attributes = '', body = ''] of row.matchAll(FODS_CELL)) {
        const type = attribute(attributes, 'office:value-type') ?? 'empty';
        const paragraphs = [...body.matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map(([, p]) => p);
        const value =
          attribute(attributes, 'office:value') ??
          attribute(attributes, 'office:date-value') ??
          odfText(paragraphs.join('\n'));
        const repeat = Number(attribute(attributes, 'table:number-columns-repeated') ?? 1);
        for (let i = 0; i < repeat && i < 100; i++) cells.push({ type, value });
      }
      while (cells.at(-1)?.type === 'empty') cells.pop();
      return cells;
    },
  );
}
