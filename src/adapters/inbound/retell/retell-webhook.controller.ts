import { Body, Controller, HttpCode, HttpStatus, Logger, Post, UseGuards } from '@nestjs/common';
import { CodedHttpException, invalidBody } from '../../../common/coded-http.exception';
import { scrubText } from '../../../common/scrub-text';
import { RetellCallWebhookHandler } from './retell-call-webhook.handler';
import { InboundCallAnswer, RetellInboundCallHandler } from './retell-inbound-call.handler';
import { RetellSharedRateGuard } from './retell-shared-rate.guard';
import { RetellSignatureGuard } from './retell-signature.guard';
import { isRecord } from '../../../common/is-record';

/** Retell's call webhooks and the inbound-call webhook, both signed like function calls. */
@Controller('api/retell')
@UseGuards(RetellSignatureGuard, RetellSharedRateGuard)
export class RetellWebhookController {
  private readonly logger = new Logger('RetellWebhook');

  constructor(
    private readonly lifecycle: RetellCallWebhookHandler,
    private readonly inbound: RetellInboundCallHandler,
  ) {}

  /**
   * call_started / call_ended / call_analyzed → 204; other events → 204 without effect.
   * When storing fails the answer is 503, on purpose: Retell then retries, and every write is
   * idempotent. (Function calls answer 200 instead, because an agent must have words.)
   */
  @Post('webhook')
  @HttpCode(204)
  async webhook(@Body() body: unknown): Promise<void> {
    if (!isRecord(body) || typeof body.event !== 'string') {
      throw invalidBody('A call webhook needs an "event".');
    }
    try {
      await this.lifecycle.handle(body.event, body.call);
    } catch (error) {
      this.logger.error(
        `${scrubText(body.event.slice(0, 40))} not stored: ${scrubText((error as Error).message)}`,
      );
      throw new CodedHttpException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'RETELL.WEBHOOK_RETRY',
        'The event could not be stored; please retry.',
      );
    }
  }

  /**
   * Answers dynamic variables for the agent's greeting. A failure answers no variables rather
   * than an error: the caller is hearing the phone ring meanwhile.
   */
  @Post('inbound')
  @HttpCode(200)
  async inboundCall(@Body() body: unknown): Promise<InboundCallAnswer> {
    if (!isRecord(body) || !isRecord(body.call_inbound)) {
      throw invalidBody('An inbound-call webhook needs a "call_inbound" object.');
    }
    if (body.event !== undefined && body.event !== 'call_inbound') {
      return { call_inbound: { dynamic_variables: {} } };
    }
    try {
      return await this.inbound.answer(body.call_inbound);
    } catch (error) {
      this.logger.error(`inbound call not answered: ${scrubText((error as Error).message)}`);
      return { call_inbound: { dynamic_variables: {} } };
    }
  }
}
