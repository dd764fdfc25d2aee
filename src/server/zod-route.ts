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

/** A zod schema as the JSON Schema the OpenAPI document shows for a request part. */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete json['$schema'];
  return json;
}

/**
 * Route schema parts for the OpenAPI document, validated by zod in the handler (Fastify's own
 * validator stands aside, so one schema decides and its errors name the field).
 */
export function documented(
  docs: { summary: string; tags: string[] },
  parts: { body?: z.ZodType; querystring?: z.ZodType } = {},
): Pick<RouteShorthandOptions, 'schema' | 'validatorCompiler'> {
  return {
    schema: {
      ...docs,
      ...(parts.body ? { body: openApiSchema(parts.body) } : {}),
      ...(parts.querystring ? { querystring: openApiSchema(parts.querystring) } : {}),
    },
    validatorCompiler: () => () => true,
  };
}
