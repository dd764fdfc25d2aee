import { AppError } from '../errors.ts';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

/** Uploads and whole-portfolio exports per address and minute. */
export const EXPENSIVE_LIMIT = { max: 20, timeWindow: '1 minute' };

interface Place {
  value: unknown;
  /** `name` or `[2]`, from the place that holds it. */
  step: string;
  parent: Place | null;
}

// A path this long is cut: a NUL eighty thousand arrays down would make a 720 kB message.
const PATH_SHOWN = 200;

/** The place's path from the body: `grants[0].country`. */
function pathOf(place: Place): string {
  const steps: string[] = [];
  for (let at: Place | null = place; at !== null && at.parent !== null; at = at.parent) {
    steps.push(at.step);
  }
  let path = '';
  for (const step of steps.reverse()) {
    path += step.startsWith('[') || path === '' ? step : `.${step}`;
  }
  return path.length > PATH_SHOWN ? `${path.slice(0, PATH_SHOWN)}…` : path;
}

/**
 * Where a parsed JSON body holds a NUL character (`email`, `grants[0].country`), or null. The
 * walk keeps its own stack and builds a path only for what it finds: a body may nest arrays
 * ten thousand deep within the size limit.
 */
function nulCharacterAt(body: unknown): string | null {
  const pending: Place[] = [{ value: body, step: '', parent: null }];
  for (let place = pending.pop(); place !== undefined; place = pending.pop()) {
    const { value } = place;
    if (typeof value === 'string') {
      if (value.includes('\0')) return pathOf(place);
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        pending.push({ value: value[index], step: `[${index}]`, parent: place });
      }
    } else if (value !== null && typeof value === 'object') {
      // Plain objects only: an upload's body is a stream, whose insides are not the client's words.
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) continue;
      const entries: [string, unknown][] = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, item] = entries[index]!;
        const child = { value: item, step: key, parent: place };
        if (key.includes('\0')) return pathOf(child);
        pending.push(child);
      }
    }
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
    const at = nulCharacterAt(request.body);
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
