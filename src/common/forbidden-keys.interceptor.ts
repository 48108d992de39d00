import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { invalidBody } from './coded-http.exception';

/** Keys that reach an object's prototype when a body is merged or transformed. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key in a parsed body (`staff.0.__proto__`), or undefined. */
export function forbiddenKeyPath(value: unknown): string | undefined {
  // A stack, not recursion: a deeply nested body must not overflow the call stack.
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    for (const key of Object.keys(current)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN.has(key)) return at;
      stack.push({ value: (current as Record<string, unknown>)[key], path: at });
    }
  }
  return undefined;
}

/**
 * Refuses `__proto__`, `constructor` and `prototype` keys anywhere in a body or query under
 * `prefix`, before any pipe transforms the value: 400 naming the path.
 */
@Injectable()
export class ForbiddenKeysInterceptor implements NestInterceptor {
  constructor(private readonly prefix: string) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      if (request.path.startsWith(this.prefix)) {
        const field = forbiddenKeyPath(request.body) ?? forbiddenKeyPath(request.query);
        if (field) {
          throw invalidBody(`The request holds the forbidden key ${field}.`, {
            fields: [{ field, problems: [`property ${field} is not allowed`] }],
          });
        }
      }
    }
    return next.handle();
  }
}
