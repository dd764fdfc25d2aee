import type { RouteShorthandOptions } from 'fastify';
import { z } from 'zod';

/**
 * Options for a public read whose query string is validated by zod in the handler: the OpenAPI document shows
 * the zod schema's input, and Fastify's own validator stands aside so that zod alone decides.
 */
export function zodQuery(
  schema: z.ZodType,
  docs: { summary: string; tags: string[] },
): RouteShorthandOptions {
  const querystring = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  delete querystring.$schema;
  return {
    config: { permission: 'public' },
    schema: { ...docs, querystring },
    validatorCompiler: () => () => true,
  };
}
