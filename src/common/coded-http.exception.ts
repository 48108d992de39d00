import { HttpException, HttpStatus } from '@nestjs/common';

/** An HTTP refusal that carries a stable code next to its message: `{ code, message }`. */
export class CodedHttpException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super({ code, message, ...(details ?? {}) }, status);
  }
}

export const malformedJson = () =>
  new CodedHttpException(
    HttpStatus.BAD_REQUEST,
    'REQUEST.MALFORMED_JSON',
    'The request body is not valid JSON.',
  );

export const bodyTooLarge = (limitBytes: number) =>
  new CodedHttpException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'REQUEST.TOO_LARGE',
    `The request body exceeds ${limitBytes} bytes.`,
  );

export const invalidBody = (message: string, details?: Record<string, unknown>) =>
  new CodedHttpException(HttpStatus.BAD_REQUEST, 'REQUEST.INVALID_BODY', message, details);
