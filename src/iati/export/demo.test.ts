import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '../../portfolio/demo/generate.ts';
import type { SkippedActivity } from './document.ts';
import { iatiDocument } from './document.ts';
import { GENERATED_AT, needsSchema } from './test-support.ts';
import { schemaErrors, schemaUnavailable } from './xmllint.ts';

describe('the demo portfolio as IATI', () => {
  it(
    needsSchema('is one document that validates, with every activity in it'),
    { skip: schemaUnavailable !== null },
    async () => {
      const portfolio = generateDemoPortfolio();
      const skipped: SkippedActivity[] = [];
      let activities = 0;
      async function* counted() {
        for await (const chunk of iatiDocument(portfolio, {
          generatedAt: GENERATED_AT,
          onSkip: (s) => skipped.push(s),
        })) {
          if (chunk.startsWith('  <iati-activity')) activities++;
          yield chunk;
        }
      }
      expect(await schemaErrors(counted())).toEqual([]);
      expect(skipped).toEqual([]);
      expect(activities).toBe(portfolio.length);
    },
  );
});
