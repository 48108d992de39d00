import { PATH_METADATA } from '@nestjs/common/constants';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiParam,
} from '@nestjs/swagger';
import { BOOTSTRAP_ONLY } from './auth/admin-auth.decorators';

// @nestjs/swagger's metadata keys (its constants module is not exported).
const API_PARAMETERS = 'swagger/apiParameters';
const API_RESPONSE = 'swagger/apiResponse';

type Handler = (...args: unknown[]) => unknown;
type Documented = { in?: string; name?: string };

/**
 * Completes the OpenAPI entry of every route of an admin controller from what the route is:
 * each `:param` of its path as a required path parameter, 400 where an id, a body or a query
 * is validated, 404 where the path names an object, 403 where only the bootstrap key may call.
 * A route's own declaration of any of these wins. Runs as a class decorator, so after the
 * method decorators have stored their metadata.
 */
export function DocumentAdminRoutes(basePath: string): ClassDecorator {
  return (controller) => {
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      const handler = descriptor?.value as Handler | undefined;
      if (name === 'constructor' || !handler || !Reflect.hasMetadata(PATH_METADATA, handler))
        continue;
      const path = `${basePath}/${Reflect.getMetadata(PATH_METADATA, handler) as string}`;
      const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const documented = (): Documented[] => Reflect.getMetadata(API_PARAMETERS, handler) ?? [];
      const answers = (): Record<string, unknown> =>
        Reflect.getMetadata(API_RESPONSE, handler) ?? {};
      const apply = (decorator: MethodDecorator) => decorator(proto, name, descriptor!);

      for (const param of params)
        if (!documented().some((p) => p.in === 'path' && p.name === param))
          apply(ApiParam({ name: param, required: true, format: 'uuid' }));
      const validated =
        params.length > 0 || documented().some((p) => p.in === 'body' || p.in === 'query');
      if (validated && !answers()['400'])
        apply(
          ApiBadRequestResponse({
            description: 'REQUEST.INVALID_ID or VALIDATION.FAILED, naming the field',
          }),
        );
      if (params.length > 0 && !answers()['404'])
        apply(ApiNotFoundResponse({ description: "not found, or another company's object" }));
      if (Reflect.getMetadata(BOOTSTRAP_ONLY, handler) && !answers()['403'])
        apply(ApiForbiddenResponse({ description: 'only the bootstrap key may call this route' }));
    }
  };
}
