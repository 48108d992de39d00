import { Get, Param, Patch } from '@nestjs/common';
import { ApiBody, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import { CallerMessagesUseCase } from '../../../../application/info/caller-messages.use-case';
import { CallerMessage } from '../../../../application/ports/caller-messages.port';
import { AdminController, ApiQueryFrom } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { AdminBody, AdminQuery, idPipe } from '../admin-validation';
import { Scope } from '../auth/admin-auth.decorators';
import {
  CallerMessagePageResponse,
  CallerMessageQuery,
  CallerMessageResponse,
  UpdateCallerMessageDto,
} from '../dto/caller-message.dto';
import { pageRequest } from '../dto/page.query';

const view = (m: CallerMessage): CallerMessageResponse => ({
  id: m.id,
  branchId: m.branchId,
  callId: m.callId,
  kind: m.kind,
  message: m.body,
  callerName: m.callerName,
  callbackNumber: m.callbackNumber,
  preferredTime: m.preferredTime,
  status: m.status,
  createdAt: m.createdAt.toISOString(),
  doneAt: m.doneAt?.toISOString() ?? null,
  mailed: m.mailStatus === 'sent',
  mailStatus: m.mailStatus,
  mailAttempts: m.mailAttempts,
});

/** Callers' messages and callback requests the agent took, for the salon to work through. */
@AdminController('companies/:companyId/messages', 'messages')
export class CallerMessagesController {
  constructor(private readonly messages: CallerMessagesUseCase) {}

  @Get()
  @ApiQueryFrom(CallerMessageQuery)
  @ApiOkResponse({ type: CallerMessagePageResponse, description: 'newest first, paginated' })
  @ApiNotFoundResponse({ description: 'BRANCH.NOT_FOUND: a branchId not of this company' })
  async list(@Scope() scope: CompanyScope, @AdminQuery() q: CallerMessageQuery) {
    const page = orRefuse(
      await this.messages.list(scope, { status: q.status, branchId: q.branchId }, pageRequest(q)),
    );
    return { ...page, items: page.items.map(view) };
  }

  @Patch(':messageId')
  @ApiBody({ type: UpdateCallerMessageDto })
  @ApiOkResponse({ type: CallerMessageResponse, description: 'the message' })
  async update(
    @Scope() scope: CompanyScope,
    @Param('messageId', idPipe('messageId')) id: string,
    @AdminBody() dto: UpdateCallerMessageDto,
  ) {
    return view(orRefuse(await this.messages.setStatus(scope, id, dto.status)));
  }
}
