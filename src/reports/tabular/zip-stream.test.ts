import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipMissing, unzipText, withTempDir, writeChunks } from './tabular.test-support.ts';
import { zipStream, type ZipEntry } from './zip-stream.ts';

/** Text that deflates poorly, so that it spans several compressed chunks. */
function noise(chars: number): string {
  let seed = 7;
  let text = '';
  while (text.length < chars) {
    seed = (seed * 48271) % 2147483647;
    text += seed.toString(36);
  }
  return text;
}

describe('zipStream', { skip: unzipMissing !== null }, () => {
  it('writes an archive that unzip tests and extracts entry by entry', async () => {
    const big = noise(300_000);
    const entries: ZipEntry[] = [
      { name: 'hello.txt', content: ['hello, ', 'world'] },
      { name: 'empty.txt', content: [] },
      {
        name: 'big.txt',
        content: (function* () {
          for (let i = 0; i < big.length; i += 1000) yield big.slice(i, i + 1000);
        })(),
      },
      { name: 'dir/unicode.txt', content: ['Алматы — 阿拉木图'] },
    ];
    await withTempDir(async (dir) => {
      const file = join(dir, 'test.zip');
      await writeChunks(zipStream(entries), file);
      expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain(
        'No errors detected',
      );
      expect(await unzipText(file, 'hello.txt')).toBe('hello, world');
      expect(await unzipText(file, 'empty.txt')).toBe('');
      expect(await unzipText(file, 'big.txt')).toBe(big);
      expect(await unzipText(file, 'dir/unicode.txt')).toBe('Алматы — 阿拉木图');
    });
  });

  it('passes on an error from an entry instead of finishing a truncated archive', async () => {
    function* failing(): Generator<string> {
      yield 'partial';
      throw new Error('database went away');
    }
    const chunks: Uint8Array[] = [];
    await expect(async () => {
      for await (const chunk of zipStream([{ name: 'x.txt', content: failing() }]))
        chunks.push(chunk);
    }).rejects.toThrow('database went away');
  });
});
