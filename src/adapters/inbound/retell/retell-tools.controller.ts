import { Controller, Get, Query, Req, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiSecurity,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { invalidBody } from '../../../common/coded-http.exception';
import { AdminBootstrapKeyGuard } from './admin-bootstrap-key.guard';
import { buildRetellTools, RetellToolCatalogue } from './retell-tool-definitions';
import { RetellToolArgument, RetellToolCatalogueResponse } from './retell-tools.response';

/** The Retell custom-tool definitions, ready to paste into the agent. */
@Controller('api/admin/retell')
@UseGuards(AdminBootstrapKeyGuard)
@ApiTags('retell')
@ApiSecurity('api-key')
@ApiExtraModels(RetellToolArgument)
export class RetellToolsController {
  /** `?base_url=https://…` names the public address Retell calls; else this request's host. */
  @Get('tools')
  @ApiOperation({ summary: 'The Retell custom-tool definitions, ready to paste into the agent' })
  @ApiQuery({
    name: 'base_url',
    required: false,
    description: "the public address Retell calls; default: this request's host",
  })
  @ApiOkResponse({ type: RetellToolCatalogueResponse, description: 'the tools' })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID_BODY: base_url is not an http(s) URL' })
  @ApiUnauthorizedResponse({ description: 'not the bootstrap key (ADMIN_BOOTSTRAP_KEY)' })
  @ApiTooManyRequestsResponse({ description: 'too many requests, or too many bad keys' })
  tools(@Req() request: Request, @Query('base_url') baseUrl?: unknown): RetellToolCatalogue {
    return buildRetellTools(publicBaseUrl(request, baseUrl));
  }
}

function publicBaseUrl(request: Request, given: unknown): string {
  if (given !== undefined) {
    const url = typeof given === 'string' && given.length <= 200 ? safeUrl(given) : null;
    if (!url) throw invalidBody('base_url must be an http(s) URL.');
    return url;
  }
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}

function safeUrl(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}
