import 'reflect-metadata';
import { CanActivate, ExceptionFilter, ForbiddenException, PipeTransform, Type } from '@nestjs/common';
import {
  CUSTOM_ROUTE_ARGS_METADATA,
  EXCEPTION_FILTERS_METADATA,
  GUARDS_METADATA,
  HEADERS_METADATA,
  HTTP_CODE_METADATA,
  INTERCEPTORS_METADATA,
  PARAMTYPES_METADATA,
  PIPES_METADATA,
  REDIRECT_METADATA,
  ROUTE_ARGS_METADATA,
  SSE_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { currentPrincipalFactory, requirePrincipal } from '../auth/principal';

/**
 * Signed GET routes answered without Nest's per-request router plumbing (issue 9).
 *
 * Nest runs every request through an execution context, a guards consumer, a pipes consumer,
 * an interceptors consumer and a response controller, each an async step: on a poll that is
 * about a quarter of everything the process allocates (heap sampling, 2026-11-29,
 * docs/benchmarks.md). For a GET handler of the shape every signed read here has,
 * `(@CurrentPrincipal() p, @Query() query: Dto)` or `(@CurrentPrincipal() p)`, this does the
 * same steps directly with the same objects: the global guards in their order, the global
 * validation pipe, the handler, the global exception filter. Nest still registers, documents
 * and routes the route; only the Fastify handler it registered is swapped (onRoute hook), so
 * the rate limiter, CORS, request ids, the access log and the shutdown hooks run as before.
 * Anything else on a route (its own guards, pipes, filters, interceptors, status code,
 * headers, another parameter) keeps it on Nest's pipeline.
 */
export interface DirectRouteParts {
  /** The global guards, in Nest's order. */
  guards: CanActivate[];
  /** The global validation pipe. */
  pipe: PipeTransform;
  /** The global exception filter. */
  filter: ExceptionFilter;
  /** A controller's instance by class name (the name Nest gives the Fastify handler). */
  controller: (className: string) => { cls: Type; instance: Record<string, unknown> } | undefined;
}

interface RouteArg {
  index: number;
  data?: unknown;
  pipes?: unknown[];
  factory?: unknown;
}

/** The handler's query DTO (undefined: no query parameter), or null if the route does not fit. */
export function directShape(cls: Type, method: string): { query?: Type } | null {
  const handler = (cls.prototype as Record<string, unknown>)[method];
  if (typeof handler !== 'function') return null;
  for (const key of [GUARDS_METADATA, PIPES_METADATA, INTERCEPTORS_METADATA, EXCEPTION_FILTERS_METADATA]) {
    if (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, cls)) return null;
  }
  for (const key of [HEADERS_METADATA, REDIRECT_METADATA, SSE_METADATA]) {
    if (Reflect.getMetadata(key, handler)) return null;
  }
  // @ApiDoc states 200 on every route; another status stays with Nest.
  if ((Reflect.getMetadata(HTTP_CODE_METADATA, handler) ?? 200) !== 200) return null;
  const args = Object.entries((Reflect.getMetadata(ROUTE_ARGS_METADATA, cls, method) ?? {}) as Record<string, RouteArg>);
  const principal = args.find(([key, a]) => a.index === 0 && key.includes(CUSTOM_ROUTE_ARGS_METADATA) && a.factory === currentPrincipalFactory && !a.pipes?.length);
  const query = args.find(([key, a]) => a.index === 1 && key === `${RouteParamtypes.QUERY}:1` && a.data === undefined && !a.pipes?.length);
  if (!principal || args.length !== (query ? 2 : 1)) return null;
  if (!query) return {};
  const types = Reflect.getMetadata(PARAMTYPES_METADATA, cls.prototype, method) as Type[] | undefined;
  return types?.[1] ? { query: types[1] } : null;
}

/** Routes seen by the hook: swapped to their direct handler when Fastify is ready. */
interface Candidate {
  key: string;
  className: string;
  method: string;
  run: (request: FastifyRequest, reply: FastifyReply) => unknown;
}

const installed = new WeakMap<FastifyInstance, string[]>();

/** The routes (`GET /path`) that run direct, once Fastify is ready. */
export const directRoutesOf = (fastify: FastifyInstance): readonly string[] => installed.get(fastify) ?? [];

/** Installs the hooks; call before Nest registers its routes (before app.init()). */
export function installDirectRoutes(fastify: FastifyInstance, parts: () => DirectRouteParts): void {
  const candidates: Candidate[] = [];
  const direct: string[] = [];
  installed.set(fastify, direct);
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (route.method !== 'GET') return;
    // Nest names the handler it registers `${ControllerClass}.${method}`.
    const [className, method] = String(route.handler.name).split('.');
    if (!className || !method) return;
    const nest = route.handler;
    const candidate: Candidate = { key: `GET ${route.url}`, className, method, run: (request, reply) => nest.call(fastify, request, reply) };
    candidates.push(candidate);
    route.handler = (request, reply) => candidate.run(request, reply);
  });
  fastify.addHook('onReady', (done) => {
    const resolved = parts();
    for (const c of candidates) {
      const run = directHandler(resolved, c.className, c.method);
      if (!run) continue;
      c.run = run;
      direct.push(c.key);
    }
    done();
  });
}

/** A controller instance by class name, from Nest's container (controller class names are unique here). */
export function controllerByName(modules: ModulesContainer): DirectRouteParts['controller'] {
  const byName = new Map<string, { cls: Type; instance: Record<string, unknown> }>();
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      if (byName.has(wrapper.name)) throw new Error(`two controllers named ${wrapper.name}: direct routes find controllers by name`);
      byName.set(wrapper.name, { cls: wrapper.metatype as Type, instance: wrapper.instance as Record<string, unknown> });
    }
  }
  return (name) => byName.get(name);
}

/** The direct handler of a route, or undefined when it stays on Nest's pipeline. */
function directHandler(parts: DirectRouteParts, className: string, method: string) {
  const controller = parts.controller(className);
  if (!controller) return undefined;
  const shape = directShape(controller.cls, method);
  if (!shape) return undefined;
  const { cls, instance } = controller;
  const handler = instance[method] as (...args: unknown[]) => Promise<unknown>;
  const queryMetadata = shape.query ? { type: 'query' as const, metatype: shape.query, data: undefined } : undefined;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const context = new ExecutionContextHost([request, reply, undefined], cls, cls.prototype[method]);
    context.setType('http');
    try {
      // As Nest: a guard answering false is a 403 (none of the global guards does).
      for (const guard of parts.guards) if (!(await guard.canActivate(context))) throw new ForbiddenException();
      const principal = requirePrincipal(request);
      const body = queryMetadata
        ? await handler.call(instance, principal, await parts.pipe.transform(request.query, queryMetadata))
        : await handler.call(instance, principal);
      void reply.send(body);
    } catch (error) {
      parts.filter.catch(error, context);
    }
  };
}
