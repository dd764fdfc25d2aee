/**
 * Throughput on one file, to compare with `xmllint --stream --noout FILE`:
 *   node src/iati/parse/measure.ts FILE [ROUNDS]
 * Runs, ROUNDS times (default 3), xmllint (when installed), saxes alone (the reference
 * streaming parser), the tokenizer alone, and the whole parser (tokenizer, tree, mapping,
 * validation), each reading the file from disk as the importer does, and prints the best
 * wall-clock MB/s of each and its ratio to xmllint's. The first round includes JIT warm-up.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { ByteDecoder } from './decode.ts';
import { parseIatiStream } from './parse-stream.ts';
import { XmlTokenizer } from './xml-tokenizer.ts';

const [file, rounds = '3'] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: node src/iati/parse/measure.ts FILE.xml [ROUNDS]');
  process.exit(2);
}
const megabytes = statSync(file).size / 1e6;
const read = () => createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>;

const runs: Record<string, () => Promise<string>> = {
  async xmllint() {
    const result = spawnSync('xmllint', ['--stream', '--noout', file], { stdio: 'ignore' });
    if (result.error) throw result.error;
    return Promise.resolve(`exit ${result.status}`);
  },
  async saxes() {
    let elements = 0;
    const parser = new SaxesParser({ xmlns: false });
    parser.on('opentag', () => void elements++);
    parser.on('text', () => {});
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for await (const chunk of read()) parser.write(decoder.decode(chunk, { stream: true }));
    parser.close();
    return `${elements} elements`;
  },
  async tokenizer() {
    let elements = 0;
    const handler = { wantsText: true, open: () => void elements++, close() {}, text() {} };
    const tokenizer = new XmlTokenizer(handler, file);
    const decoder = new ByteDecoder('utf-8');
    for await (const chunk of read()) tokenizer.feed(decoder.decode(chunk));
    tokenizer.end();
    return `${elements} elements`;
  },
  async parser() {
    let ok = 0;
    let rejected = 0;
    for await (const item of parseIatiStream(read(), { source: file })) {
      if (item.ok) ok++;
      else rejected++;
    }
    return `${ok} activities read, ${rejected} rejected`;
  },
};

const best = new Map<string, { seconds: number; detail: string }>();
for (let round = 0; round < Number(rounds); round++) {
  for (const [name, run] of Object.entries(runs)) {
    const start = performance.now();
    let detail: string;
    try {
      detail = await run();
    } catch {
      continue; // xmllint is not installed
    }
    const seconds = (performance.now() - start) / 1000;
    if (seconds < (best.get(name)?.seconds ?? Infinity)) best.set(name, { seconds, detail });
  }
}
const reference = best.get('xmllint')?.seconds;
console.log(`${file}: ${megabytes.toFixed(1)} MB, best of ${rounds}`);
for (const [name, { seconds, detail }] of best) {
  const ratio = reference === undefined ? '' : `  ${(reference / seconds).toFixed(2)} × xmllint`;
  const speed = (megabytes / seconds).toFixed(1).padStart(7);
  console.log(`${name.padEnd(10)}${speed} MB/s  ${seconds.toFixed(2)} s${ratio}  (${detail})`);
}
