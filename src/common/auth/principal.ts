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

/** Handler parameter: the signed-in caller. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = principalOf(ctx.switchToHttp().getRequest());
  if (!principal) throw new Error('CurrentPrincipal used on a route without a signature surface');
  return principal;
});
