import { AppError } from '../errors.ts';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

/** Uploads and whole-portfolio exports per address and minute. */
export const EXPENSIVE_LIMIT = { max: 20, timeWindow: '1 minute' };

/** Where a parsed JSON body holds a NUL character (`email`, `items[2].name`), or null. */
function nulCharacterAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\0') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulCharacterAt(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  // Plain objects only: an upload's body is a stream, whose insides are not the client's words.
  if (value === null || typeof value !== 'object') return null;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (key.includes('\0')) return at;
    const found = nulCharacterAt(item, at);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Security headers on every answer (a CSP with no inline scripts, no framing, no MIME sniffing,
 * HSTS only over TLS) and per-route rate limits, which routes ask for in `config.rateLimit`.
 */
export async function registerWebSafety(app: FastifyInstance): Promise<void> {
  // No text Caravan stores or searches holds a NUL character (PostgreSQL's text cannot), so a
  // request with one, in its address or its JSON body, is refused up front rather than failing
  // half-way through an answer (or, on SQLite, storing what PostgreSQL could not).
  app.addHook('onRequest', (request, _reply, done) => {
    if (/%00/i.test(request.url)) {
      done(
        new AppError(
          'bad_request',
          'The address holds a NUL character (%00), which no field accepts',
        ),
      );
      return;
    }
    done();
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const at = nulCharacterAt(request.body, '');
    if (at !== null) {
      done(
        new AppError(
          'bad_request',
          `${at || 'body'}: holds a NUL character, which no field accepts`,
        ),
      );
      return;
    }
    done();
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    // Sent below only over TLS: on plain HTTP it would be ignored, and it must not reach
    // a development server on localhost.
    hsts: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') {
      void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
  });
  await app.register(rateLimit, { global: false });
}
