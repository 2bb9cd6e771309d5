import { createParamDecorator, ExecutionContext } from '@nestjs/common';

export type Surface = 'customer' | 'rep';

/**
 * The authenticated caller, set on the request by the SignatureGuard. A class (not an
 * interface) so handler parameters typed with it keep working under decorator metadata.
 */
export class Principal {
  role: Surface;
  id: number;
  companyId: number;
}

export interface PrincipalRecord {
  id: number;
  companyId: number;
  token: string | null;
  disabled: boolean;
}

/** Looks principals up for the guard; bound by AuthModule to the rep and customer tables. */
export abstract class PrincipalDirectory {
  abstract find(role: Surface, id: number): Promise<PrincipalRecord | null>;
}

export const PRINCIPAL_KEY = 'leidaPrincipal';

export function principalOf(request: unknown): Principal | undefined {
  return (request as Record<string, Principal | undefined>)[PRINCIPAL_KEY];
}

/** The signed-in caller of a request the signature guard let through. */
export function requirePrincipal(request: unknown): Principal {
  const principal = principalOf(request);
  if (!principal) throw new Error('CurrentPrincipal used on a route without a signature surface');
  return principal;
}

/** CurrentPrincipal's factory (the direct GET routes recognise the parameter by it). */
export const currentPrincipalFactory = (_data: unknown, ctx: ExecutionContext): Principal => requirePrincipal(ctx.switchToHttp().getRequest());

/** Handler parameter: the signed-in caller. */
export const CurrentPrincipal = createParamDecorator(currentPrincipalFactory);
