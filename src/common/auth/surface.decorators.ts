import { applyDecorators, Controller, HttpStatus, SetMetadata } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Surface } from './principal';

export const SURFACE_KEY = 'leida:surface';
export const PUBLIC_KEY = 'leida:public';

export const SURFACE_PREFIX: Record<Surface, string> = {
  customer: 'zhugeleida/gongzhonghao',
  rep: 'zhugeleida/qiyeweixin',
};

/** The signature's query parameters; each is an OpenAPI security scheme per surface (see swagger setup). */
export const SIGNATURE_PARAMETERS = ['user_id', 'timestamp', 'rand_str'] as const;

/**
 * The security scheme names of a surface, e.g. `customer_user_id`: one set per surface, so that
 * Swagger UI shows the lock of each surface as signed only when that surface is.
 */
export const securitySchemesOf = (surface: Surface) => SIGNATURE_PARAMETERS.map((p) => `${surface}_${p}`);

/**
 * Legacy clients branch on the envelope's code, and every handled outcome is HTTP 200
 * (API.md §2): POST routes must not answer Nest's default 201.
 */
export function AlwaysOk(): ClassDecorator {
  return (target) => {
    const proto = (target as unknown as { prototype: Record<string, unknown> }).prototype;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const handler = proto[key];
      if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
      if (Reflect.getMetadata(HTTP_CODE_METADATA, handler) === undefined) Reflect.defineMetadata(HTTP_CODE_METADATA, HttpStatus.OK, handler);
    }
  };
}

/**
 * The legacy mini-program (小程序) pages: their customer is a customer like the Official
 * Account's, signed with a customer token, on the same routes under another prefix (issue 12).
 */
export const MINI_PROGRAM_PREFIX = 'zhugeleida/xiaochengxu';

function surfaceController(surface: Surface, path: string, tag: string, prefix = SURFACE_PREFIX[surface]) {
  return applyDecorators(
    AlwaysOk(),
    Controller(`${prefix}/${path}`.replace(/\/$/, '')),
    SetMetadata(SURFACE_KEY, surface),
    ApiTags(tag),
    ApiSecurity(Object.fromEntries(securitySchemesOf(surface).map((name) => [name, []]))),
  );
}

/** A controller on the customer surface (公众号): signed with a customer's token. */
export const CustomerController = (path: string, tag: string) => surfaceController('customer', path, tag);

/**
 * A customer-surface controller under the mini-program prefix. Use it on a subclass of the
 * Official Account controller: one implementation behind both prefixes.
 */
export const MiniProgramController = (path: string, tag: string) => surfaceController('customer', path, tag, MINI_PROGRAM_PREFIX);

/** A controller on the rep surface (企业微信): signed with a sales rep's token. */
export const RepController = (path: string, tag: string) => surfaceController('rep', path, tag);

/** A route that needs no signature (health, docs, the console page). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
