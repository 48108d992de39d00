import { Module } from '@nestjs/common';
import { ApiKeysUseCase } from '../../../application/admin/access/api-keys.use-case';
import {
  ADMIN_BOOTSTRAP_SECRET,
  AuthenticateAdminUseCase,
} from '../../../application/admin/access/authenticate-admin.use-case';
import { CloseCompanyUseCase } from '../../../application/admin/access/close-company.use-case';
import { ClosedCompanySweeper } from '../../../application/admin/access/closed-company-sweeper';
import { CompaniesUseCase } from '../../../application/admin/access/companies.use-case';
import { COMPANY_RETENTION } from '../../../application/admin/access/company-retention';
import { RetellKeyUseCase } from '../../../application/admin/access/retell-key.use-case';
import { AppointmentListingUseCase } from '../../../application/admin/appointments/appointment-listing.use-case';
import { StaffAppointmentsUseCase } from '../../../application/admin/appointments/staff-appointments.use-case';
import { AuditLogUseCase } from '../../../application/admin/audit/audit-log.use-case';
import { BranchesUseCase } from '../../../application/admin/catalog/branches.use-case';
import { CalendarCredentialsUseCase } from '../../../application/admin/catalog/calendar-credentials.use-case';
import { CalendarMappingsUseCase } from '../../../application/admin/catalog/calendar-mappings.use-case';
import { CustomersUseCase } from '../../../application/admin/catalog/customers.use-case';
import { EraseCustomerUseCase } from '../../../application/admin/data-rights/erase-customer.use-case';
import { ExportCustomerUseCase } from '../../../application/admin/data-rights/export-customer.use-case';
import { ServicesUseCase } from '../../../application/admin/catalog/services.use-case';
import { StaffUseCase } from '../../../application/admin/catalog/staff.use-case';
import { StaffDuplicatesUseCase } from '../../../application/admin/staff/staff-duplicates.use-case';
import { ManualReviewUseCase } from '../../../application/admin/sync/manual-review.use-case';
import { SyncDashboardUseCase } from '../../../application/admin/sync/sync-dashboard.use-case';
import { SalonFileExporter } from '../../../application/salon-file/salon-file.exporter';
import { BookingModule } from '../../../booking.module';
import { AppConfig } from '../../../config/app-config';
import { CALENDAR_HOST_CHECK } from '../../../application/admin/ports/calendar-host-check.port';
import { allowedHostKeys } from '../../outbound/calcom/calcom-address-policy';
import { CalcomHostCheck } from '../../outbound/calcom/calcom-host-check';
import { systemResolveHost } from '../../outbound/calcom/calcom-host-resolver';
import { PersistenceModule } from '../../outbound/persistence/persistence.module';
import { ADMIN_CONTROLLERS } from './admin-controllers';
import { AdminApiKeyGuard } from './auth/admin-api-key.guard';
import { AdminRateLimitModule } from './auth/admin-rate-limit.module';

/**
 * The operators' REST API under /api/admin: tenant-scoped API keys, the salon catalog,
 * staff-side bookings, the sync dashboard, duplicate-staff merge, salon files.
 */
@Module({
  imports: [PersistenceModule, BookingModule, AdminRateLimitModule],
  controllers: ADMIN_CONTROLLERS,
  providers: [
    {
      provide: ADMIN_BOOTSTRAP_SECRET,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => config.env.ADMIN_BOOTSTRAP_KEY ?? null,
    },
    AuthenticateAdminUseCase,
    AdminApiKeyGuard,
    CompaniesUseCase,
    CloseCompanyUseCase,
    ClosedCompanySweeper,
    {
      provide: COMPANY_RETENTION,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        days: config.env.COMPANY_RETENTION_DAYS,
        sweepIntervalMs: 3_600_000,
      }),
    },
    ApiKeysUseCase,
    BranchesUseCase,
    StaffUseCase,
    ServicesUseCase,
    CustomersUseCase,
    EraseCustomerUseCase,
    ExportCustomerUseCase,
    CalendarMappingsUseCase,
    CalendarCredentialsUseCase,
    {
      provide: CALENDAR_HOST_CHECK,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new CalcomHostCheck(allowedHostKeys(config.env.CALCOM_ALLOWED_HOSTS), systemResolveHost),
    },
    AppointmentListingUseCase,
    StaffAppointmentsUseCase,
    SyncDashboardUseCase,
    ManualReviewUseCase,
    StaffDuplicatesUseCase,
    SalonFileExporter,
    RetellKeyUseCase,
    AuditLogUseCase,
  ],
  exports: [AuthenticateAdminUseCase],
})
export class AdminModule {}
