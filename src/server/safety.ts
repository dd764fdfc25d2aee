import { AppError } from '../errors.ts';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

/** Uploads and whole-portfolio exports per address and minute. */
export const EXPENSIVE_LIMIT = { max: 20, timeWindow: '1 minute' };

/**
 * Security headers on every answer (a CSP with no inline scripts, no framing, no MIME sniffing,
 * HSTS only over TLS) and per-route rate limits, which routes ask for in `config.rateLimit`.
 */
export async function registerWebSafety(app: FastifyInstance): Promise<void> {
  // No text Caravan stores or searches holds a NUL character (PostgreSQL's text cannot), so a
  // request asking for one is refused up front rather than failing half-way through an answer.
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
