import { Inject, Injectable } from '@nestjs/common';
import { CustomerMentions } from '../../../domain/salon/customer-mentions';
import { err, ok, Result } from '../../../domain/shared/result';
import {
  APPOINTMENT_REPOSITORY,
  AppointmentRepository,
} from '../../ports/appointment.repository.port';
import { AUDIT_LOG, AuditLog } from '../../ports/audit-log.port';
import { CLOCK, Clock } from '../../ports/clock.port';
import { CompanyScope } from '../admin-actor';
import { NotFound } from '../admin.errors';
import { appointmentView, AppointmentView } from '../appointments/appointment.view';
import { CUSTOMER_ADMIN, CustomerAdmin, CustomerView } from '../ports/customer-admin.port';
import {
  CUSTOMER_EXPORT,
  CustomerExport,
  ExportedAuditEntry,
  ExportedCall,
  ExportedCallerMessage,
  ExportedConsentChange,
} from '../ports/customer-export.port';

export interface CustomerDataExport {
  readonly exportedAt: string;
  readonly customer: CustomerView;
  readonly appointments: AppointmentView[];
  readonly calls: ExportedCall[];
  readonly consentChanges: ExportedConsentChange[];
  readonly messages: ExportedCallerMessage[];
  readonly audit: ExportedAuditEntry[];
}

/**
 * Everything stored about one customer (GDPR Art. 15), as one JSON document: the customer,
 * every appointment with its phases, the calls made from their number or that booked for them
 * with their traced function calls, every change of their consent to be recognised, the
 * messages they left for the salon, and the audit entries about them. The export is audited.
 */
@Injectable()
export class ExportCustomerUseCase {
  constructor(
    @Inject(CUSTOMER_ADMIN) private readonly customers: CustomerAdmin,
    @Inject(CUSTOMER_EXPORT) private readonly stored: CustomerExport,
    @Inject(APPOINTMENT_REPOSITORY) private readonly appointments: AppointmentRepository,
    @Inject(AUDIT_LOG) private readonly auditLog: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async export(scope: CompanyScope, id: string): Promise<Result<CustomerDataExport, NotFound>> {
    const customer = await this.customers.find(scope.companyId, id);
    if (!customer) return err(new NotFound('CUSTOMER'));
    const ids = await this.stored.appointmentIds(scope.companyId, id);
    const appointments = [];
    for (const appointmentId of ids) {
      const found = await this.appointments.findById(scope, appointmentId);
      if (found) appointments.push(appointmentView(found));
    }
    const spellings = CustomerMentions.of(customer).phoneDigitSpellings();
    const calls = await this.stored.calls(scope.companyId, id, spellings);
    const consentChanges = await this.stored.consentChanges(scope.companyId, id);
    const messages = await this.stored.callerMessages(scope.companyId, id, spellings);
    const audit = await this.stored.audit(
      scope.companyId,
      id,
      ids,
      calls.map((c) => c.id),
    );
    const now = this.clock.now();
    await this.auditLog.record({
      companyId: scope.companyId,
      actor: scope.actor,
      action: 'customer.exported',
      entity: 'customer',
      entityId: id,
      details: { appointments: appointments.length, calls: calls.length },
      at: now,
    });
    return ok({
      exportedAt: now.toISOString(),
      customer,
      appointments,
      calls,
      consentChanges,
      messages,
      audit,
    });
  }
}
