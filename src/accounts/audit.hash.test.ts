import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auditHash, canonicalJson, GENESIS_HASH } from './audit.hash.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 0, y: 1 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":1,"z":0}]},"b":1}',
    );
  });

  it('sorts integer-like keys as text, as it does every other key', () => {
    expect(canonicalJson({ 9: 'a', 10: 'b', x: 'c' })).toBe('{"10":"b","9":"a","x":"c"}');
  });

  it('writes values as JSON.stringify sees them', () => {
    expect(canonicalJson({ when: new Date('2026-01-02T03:04:05Z'), gone: undefined })).toBe(
      '{"when":"2026-01-02T03:04:05.000Z"}',
    );
  });

  it('has no text for a missing value', () => {
    expect(canonicalJson(undefined)).toBeNull();
    expect(canonicalJson(null)).toBeNull();
  });

  it('gives one text per value whatever the key order, and reads back as the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reversed = JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
          v !== null && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        ) as unknown;
        expect(canonicalJson(reversed)).toBe(text);
        if (text !== null) expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('auditHash', () => {
  const first = {
    id: 1,
    at: '2026-11-28T10:00:00.000Z',
    actor: 'cli:admin',
    action: 'proposal.submit',
    target_type: 'proposal',
    target_id: '42',
    before: null,
    after: '{"status":"submitted"}',
    origin: 'cli',
    prev_hash: GENESIS_HASH,
  };

  // Existing chains verify only while this stays the same: a change here is a breaking change.
  it('is stable', () => {
    expect(auditHash(first)).toBe(
      '6839e18063fe493b7efc216cb2787665172e0a5d4f6877d2a64248a60a98913e',
    );
  });

  it('changes with every field', () => {
    const base = auditHash(first);
    const variants = [
      { id: 2 },
      { at: '2026-11-28T10:00:00.001Z' },
      { actor: 'cli:other' },
      { action: 'proposal.approve' },
      { target_type: 'grant' },
      { target_id: '43' },
      { before: '{}' },
      { after: null },
      { origin: '10.0.0.1' },
      { prev_hash: '1'.repeat(64) },
    ];
    for (const change of variants) expect(auditHash({ ...first, ...change })).not.toBe(base);
  });

  it('tells a null before from the text "null"', () => {
    expect(auditHash({ ...first, before: 'null' })).not.toBe(auditHash(first));
  });
});
