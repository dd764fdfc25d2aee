import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import type { ActivityInput } from '../../portfolio/activity.model.ts';
import { iatiDocument } from './document.ts';
import { fullActivity, minimalActivity } from './fixtures.ts';
import { GENERATED_AT } from './test-support.ts';

const COUNT = 20_000;

/** Activities made on demand, counting how many have been made so far. */
function source(made: { count: number }): Generator<ActivityInput> {
  return (function* () {
    for (let i = 0; i < COUNT; i++) {
      made.count++;
      const activity = i % 100 === 0 ? fullActivity() : minimalActivity();
      yield { ...activity, iatiIdentifier: `XM-DAC-46004-STREAM-${i}` };
    }
  })();
}

describe('streaming', () => {
  it('yields each activity as it comes, never reading ahead of the reader', async () => {
    const made = { count: 0 };
    let chunks = 0;
    let widestLead = 0;
    for await (const chunk of iatiDocument(source(made), { generatedAt: GENERATED_AT })) {
      chunks++;
      // The header comes first; chunk k + 1 is activity k, written once it has been made.
      widestLead = Math.max(widestLead, made.count - (chunks - 1));
      if (chunks === 1) expect(chunk).toContain('<iati-activities');
    }
    expect(chunks).toBe(COUNT + 2);
    expect(made.count).toBe(COUNT);
    expect(widestLead).toBeLessThanOrEqual(1);
  });

  it('lets a slow writer hold the source back through Readable.from', async () => {
    const made = { count: 0 };
    let written = 0;
    let widestLead = 0;
    let bytes = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        written++;
        bytes += chunk.length;
        widestLead = Math.max(widestLead, made.count - written);
        if (written % 500 === 0) setTimeout(done, 1);
        else setImmediate(done);
      },
    });
    await pipeline(Readable.from(iatiDocument(source(made), { generatedAt: GENERATED_AT })), slow);
    expect(written).toBe(COUNT + 2);
    expect(bytes).toBeGreaterThan(10_000_000);
    // Readable.from buffers 16 chunks ahead and the writable a few more: far from all 20,000.
    expect(widestLead).toBeLessThan(64);
  });
});
