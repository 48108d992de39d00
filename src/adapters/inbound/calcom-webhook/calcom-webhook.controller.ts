import {
  Controller,
  Headers,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
  type RawBodyRequest,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApplyCalendarEventUseCase } from '../../../application/sync/apply-calendar-event.use-case';
import { CALCOM_WEBHOOK_SECRETS, signerOf, type WebhookSecrets } from './calcom-webhook-secrets';
import { toCalendarEvent } from './calcom-webhook.mapper';

export { CALCOM_WEBHOOK_SECRETS, type WebhookSecrets } from './calcom-webhook-secrets';

/**
 * POST /api/calcom/webhook. Unsigned or wrongly signed requests are refused (401) before the
 * body is read; events we do not act on answer 204 and change nothing. The tenant whose secret
 * verified the signature is the only one the event may touch.
 */
@Controller('api/calcom')
export class CalcomWebhookController {
  constructor(
    private readonly apply: ApplyCalendarEventUseCase,
    @Inject(CALCOM_WEBHOOK_SECRETS) private readonly secrets: WebhookSecrets,
  ) {}

  @Post('webhook')
  @HttpCode(200)
  async receive(
    @Req() req: RawBodyRequest<Request>,
    @Res({ passthrough: true }) res: Response,
    @Headers('x-cal-signature-256') signature: string | undefined,
  ): Promise<{ outcome: string } | undefined> {
    const raw = req.rawBody;
    if (!raw || !signature || !/^[0-9a-fA-F]{64}$/.test(signature.trim())) {
      throw new UnauthorizedException('signature missing');
    }
    const signer = signerOf(raw, signature, await this.secrets());
    if (!signer) throw new UnauthorizedException('signature does not match');
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      body = undefined;
    }
    const event = toCalendarEvent(body);
    if (!event) {
      res.status(204);
      return undefined;
    }
    const outcome = await this.apply.execute(event, signer);
    if (outcome === 'ignored') {
      res.status(204);
      return undefined;
    }
    return { outcome };
  }
}
