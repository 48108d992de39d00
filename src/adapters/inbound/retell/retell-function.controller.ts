import { Body, Controller, Headers, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { FunctionAnswer } from './answers/function-answer';
import { invalidBody } from '../../../common/coded-http.exception';
import { FunctionCallDto } from './function-call.dto';
import { CountedPerCall, RetellSharedRateGuard } from './retell-shared-rate.guard';
import { RetellFunctionCallHandler } from './retell-function-call.handler';
import { RetellSignatureGuard } from './retell-signature.guard';

/**
 * The phone agent's custom functions. Every answer is a 200 with `success`, `code` and a German
 * `message`, refusals included; only a bad signature (401), too many requests (429) and an
 * unreadable body (400/413) are HTTP errors. An unknown function name is an answer too
 * (RETELL.UNKNOWN_FUNCTION): a 4xx would make Retell retry and leave the agent without words.
 */
@Controller('api/retell')
@UseGuards(RetellSignatureGuard, RetellSharedRateGuard)
@CountedPerCall()
export class RetellFunctionController {
  constructor(private readonly handler: RetellFunctionCallHandler) {}

  @Post('function-call')
  @HttpCode(200)
  functionCall(
    @Body() body: FunctionCallDto,
    @Headers('x-retell-call-id') callIdHeader?: string,
    @Headers('x-salon-branch-id') branchHeader?: string,
  ): Promise<FunctionAnswer> {
    return this.handler.handle({
      name: body.name,
      args: body.args ?? {},
      call: body.call,
      callIdHint: callIdHeader,
      branchIdHint: branchHeader,
    });
  }

  /**
   * Retell's "args only" mode: the body is the arguments. A `call` object, if Retell adds one,
   * is used as the call object and not read as an argument. Without it, the tool's headers
   * carry the call id (`x-retell-call-id: {{call_id}}`) and the branch (`x-salon-branch-id`).
   */
  @Post('functions/:name')
  @HttpCode(200)
  functionByName(
    @Param('name') name: string,
    @Body() body: unknown,
    @Headers('x-retell-call-id') callIdHeader?: string,
    @Headers('x-salon-branch-id') branchHeader?: string,
  ): Promise<FunctionAnswer> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw invalidBody('The arguments must be a JSON object.');
    }
    const { call, ...args } = body as Record<string, unknown>;
    const callObject = typeof call === 'object' && call !== null ? call : undefined;
    return this.handler.handle({
      name,
      args,
      call: callObject,
      callIdHint: callIdHeader,
      branchIdHint: branchHeader,
    });
  }
}
