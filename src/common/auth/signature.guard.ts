import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG } from '../../config/app-config';
import type { AppConfig } from '../../config/app-config';
import { Errors } from '../errors/api-error';
import { RouteMemo } from '../http/route-memo';
import { Principal, PrincipalDirectory, PRINCIPAL_KEY, Surface } from './principal';
import { isFresh, readSignatureParams, signatureMatches } from './signature';
import { PUBLIC_KEY, SURFACE_KEY } from './surface.decorators';

/**
 * The global signature guard (API.md §1). Every route is signed unless marked @Public();
 * the surface (customer or rep) comes from the controller decorator and selects the table.
 * Unknown, disabled and token-less callers are all `unknown_user`.
 */
@Injectable()
export class SignatureGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly directory: PrincipalDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The route's marker: public, or the signed surface (undefined: neither, refused). */
  private readonly surfaces = new RouteMemo<Surface | 'public' | undefined>((targets) =>
    this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ? 'public' : this.reflector.getAllAndOverride<Surface>(SURFACE_KEY, targets),
  );

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const surface = this.surfaces.of(context);
    if (surface === 'public') return true;
    // A route with neither marker is a programming error: refuse rather than expose it.
    if (!surface) throw Errors.signature('missing_params');
    const request = context.switchToHttp().getRequest<Record<string, unknown>>();
    request[PRINCIPAL_KEY] = await this.authenticate(surface, request.query as Record<string, unknown>);
    return true;
  }

  /** Also used by the realtime handshake, which is signed the same way. */
  async authenticate(surface: Surface, query: Record<string, unknown> | undefined): Promise<Principal> {
    const params = readSignatureParams(query);
    if (!params) throw Errors.signature('missing_params');
    const record = await this.directory.find(surface, params.userId);
    if (!record || record.disabled || !record.token) throw Errors.signature('unknown_user');
    if (!signatureMatches(params.randStr, params.timestamp, record.token)) throw Errors.signature('bad_signature');
    if (!isFresh(Number(params.timestamp), Date.now(), this.config.signatureMaxSkewSeconds)) throw Errors.signature('expired');
    return { role: surface, id: record.id, companyId: record.companyId };
  }
}
