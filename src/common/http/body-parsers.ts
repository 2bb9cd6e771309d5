import { parse as parseQueryString } from 'node:querystring';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Bodies over this size are answered 413 (API.md §3). */
export const BODY_LIMIT_BYTES = 64 * 1024;

const UNPARSABLE = Symbol('leida.unparsableBody');

export function hasUnparsableBody(request: unknown): boolean {
  return Boolean((request as Record<symbol, unknown>)?.[UNPARSABLE]);
}

function parseJson(request: FastifyRequest, text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    // Not an error page: the route answers with its own validation envelope (see InputGuard).
    (request as unknown as Record<symbol, unknown>)[UNPARSABLE] = true;
    return {};
  }
}

/**
 * Body parsing that never answers on its own: JSON and form-urlencoded are both accepted
 * (legacy clients send forms), anything else is read as JSON if it looks like it, else as a form.
 * Registered instead of the adapter's parsers so that a malformed body becomes a
 * validation envelope and an oversize one a 413 envelope.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  const options = { parseAs: 'string' as const, bodyLimit: BODY_LIMIT_BYTES };
  // Fastify's built-in parsers would answer malformed bodies with their own 400 page.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', options, (request, body, done) => done(null, parseJson(request, body as unknown as string)));
  fastify.addContentTypeParser('application/x-www-form-urlencoded', options, (_request, body, done) =>
    done(null, { ...parseQueryString(body as unknown as string) }),
  );
  fastify.addContentTypeParser('*', options, (request, body, done) => {
    const text = body as unknown as string;
    done(null, /^\s*[{[]/.test(text) ? parseJson(request, text) : { ...parseQueryString(text) });
  });
}
