import type { ExecutionContext, Type } from '@nestjs/common';

/**
 * What a guard reads from a route's metadata, read once per route: the Reflector's lookups on
 * every request show in a poll's CPU profile (issue 9). Keyed by controller class, then
 * handler, since a subclass (the mini-program chat) inherits its parent's handlers.
 */
export class RouteMemo<T> {
  private readonly byClass = new WeakMap<Type, Map<Function, T>>();

  constructor(private readonly read: (targets: [handler: Function, cls: Type]) => T) {}

  of(context: ExecutionContext): T {
    const cls = context.getClass();
    const handler = context.getHandler();
    let byHandler = this.byClass.get(cls);
    if (!byHandler) this.byClass.set(cls, (byHandler = new Map()));
    if (byHandler.has(handler)) return byHandler.get(handler) as T;
    const value = this.read([handler, cls]);
    byHandler.set(handler, value);
    return value;
  }
}
