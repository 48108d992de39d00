import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { CodedHttpException } from './coded-http.exception';

/** Whether a parsed value nests objects and arrays deeper than `max` levels. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  // A stack, not recursion: the value is the one that would overflow the call stack.
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= max) return true;
    for (const inner of Object.values(current)) stack.push({ value: inner, depth: depth + 1 });
  }
  return false;
}

/**
 * Refuses bodies under `prefix` nested deeper than `maxDepth` levels with 400 REQUEST.TOO_DEEP,
 * before the validation pipe, whose recursive copy and checks overflow the stack on them.
 */
@Injectable()
export class BodyDepthInterceptor implements NestInterceptor {
  constructor(
    private readonly prefix: string,
    private readonly maxDepth: number,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      if (request.path.startsWith(this.prefix) && nestedDeeperThan(request.body, this.maxDepth)) {
        throw new CodedHttpException(
          HttpStatus.BAD_REQUEST,
          'REQUEST.TOO_DEEP',
          `The request body is nested deeper than ${this.maxDepth} levels.`,
        );
      }
    }
    return next.handle();
  }
}
