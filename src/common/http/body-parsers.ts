import { parse as parseQueryString } from 'node:querystring';
import Busboy, { BusboyHeaders, BusboyInstance } from '@fastify/busboy';
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
  fastify.addContentTypeParser('multipart/form-data', (request, payload, done) => parseMultipart(request, payload, done));
  fastify.addContentTypeParser('*', options, (request, body, done) => {
    const text = body as unknown as string;
    done(null, /^\s*[{[]/.test(text) ? parseJson(request, text) : { ...parseQueryString(text) });
  });
}

/** A file part, or a body over the limit: no endpoint takes uploads (answered 413 `请求体过大`). */
const tooLarge = () => Object.assign(new Error('multipart body over the limit or with a file part'), { statusCode: 413 });

/**
 * multipart/form-data (FormData from legacy pages): text fields become the body like a form's
 * (a repeated name becomes an array); a file part or more than BODY_LIMIT_BYTES is 413. A
 * parser rather than @fastify/multipart, whose hooks ran on every request of every route.
 */
function parseMultipart(request: FastifyRequest, payload: NodeJS.ReadableStream, done: (err: Error | null, body?: unknown) => void): void {
  let finished = false;
  const finish = (err: Error | null, body?: unknown) => {
    if (finished) return;
    finished = true;
    done(err, body);
  };
  let busboy: BusboyInstance;
  try {
    busboy = new Busboy({ headers: request.raw.headers as BusboyHeaders, limits: { files: 0, fields: 100, fieldSize: BODY_LIMIT_BYTES } });
  } catch {
    // No or a broken boundary: not a body this route can read.
    (request as unknown as Record<symbol, unknown>)[UNPARSABLE] = true;
    payload.resume();
    return finish(null, {});
  }
  const body: Record<string, string | string[]> = {};
  busboy.on('field', (name: string, value: string, nameTruncated: boolean, valueTruncated: boolean) => {
    // Never a silently shortened value: a field cut at the limit makes the body too large.
    if (nameTruncated || valueTruncated) return finish(tooLarge());
    const seen = body[name];
    body[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  });
  busboy.on('file', (_name: string, stream: NodeJS.ReadableStream) => {
    stream.resume();
    finish(tooLarge());
  });
  busboy.on('filesLimit', () => finish(tooLarge()));
  busboy.on('error', () => {
    (request as unknown as Record<symbol, unknown>)[UNPARSABLE] = true;
    finish(null, {});
  });
  busboy.on('finish', () => finish(null, { ...body }));
  let size = 0;
  payload.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > BODY_LIMIT_BYTES) {
      payload.unpipe(busboy);
      payload.resume();
      finish(tooLarge());
    }
  });
  payload.pipe(busboy);
}
