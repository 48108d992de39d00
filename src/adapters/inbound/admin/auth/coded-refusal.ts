import { HttpException, HttpStatus } from '@nestjs/common';

/** An HTTP refusal with a stable code: answered `{ code, message }`. */
export class CodedRefusal extends HttpException {
  constructor(status: HttpStatus, code: string, message: string) {
    super({ code, message }, status);
  }
}
