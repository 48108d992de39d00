import { applyDecorators, Controller, Type, UseFilters, UseGuards } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiQuery,
  ApiSecurity,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AdminErrorFilter } from './admin-error.filter';
import { DocumentAdminRoutes } from './admin-route-docs';
import { AdminApiKeyGuard } from './auth/admin-api-key.guard';

export const ADMIN_PREFIX = 'api/admin';

// @nestjs/swagger's metadata keys (its constants module is not exported).
const MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';
const MODEL_PROPERTIES = 'swagger/apiModelProperties';

/** Every admin controller: API-key guard, the admin error filter, and its OpenAPI entries. */
export function AdminController(path: string, tag: string) {
  const base = `${ADMIN_PREFIX}/${path}`.replace(/\/$/, '');
  return applyDecorators(
    Controller(base),
    DocumentAdminRoutes(base),
    ApiTags(tag),
    ApiSecurity('api-key'),
    ApiUnauthorizedResponse({ description: 'no key, or a wrong or revoked one' }),
    ApiTooManyRequestsResponse({
      description: 'too many requests with this key, or too many bad keys from this address',
    }),
    UseGuards(AdminApiKeyGuard),
    UseFilters(AdminErrorFilter),
  );
}

/** Marks a route that only the bootstrap key may call, in the document. */
export const ApiBootstrapOnly = () =>
  ApiForbiddenResponse({ description: 'only the bootstrap key may call this route' });

/** One OpenAPI query parameter per documented property of a query DTO. */
export function ApiQueryFrom(dto: Type<unknown>) {
  const keys: string[] = Reflect.getMetadata(MODEL_PROPERTIES_ARRAY, dto.prototype) ?? [];
  return applyDecorators(
    ...keys.map((k) => {
      const name = k.replace(/^:/, '');
      const meta = Reflect.getMetadata(MODEL_PROPERTIES, dto.prototype, name) ?? {};
      return ApiQuery({
        name,
        required: false,
        type: meta.type === Number ? Number : String,
        ...(meta.enum ? { enum: meta.enum } : {}),
        ...(meta.format ? { format: meta.format } : {}),
        description: meta.description,
      });
    }),
  );
}
