import { CallerMessagesController } from './controllers/caller-messages.controller';
import { AppointmentsController } from './controllers/appointments.controller';
import { ApiKeysController } from './controllers/api-keys.controller';
import { AuditLogController } from './controllers/audit-log.controller';
import { BranchesController } from './controllers/branches.controller';
import { CalcomController } from './controllers/calcom.controller';
import { CompaniesController } from './controllers/companies.controller';
import { CompanyClosingController } from './controllers/company-closing.controller';
import { CustomersController } from './controllers/customers.controller';
import { RetellKeyController } from './controllers/retell-key.controller';
import { SalonFileController } from './controllers/salon-file.controller';
import { ServicesController } from './controllers/services.controller';
import { StaffController } from './controllers/staff.controller';
import { SyncController } from './controllers/sync.controller';

/** Every admin controller, in one place: the module registers them, the tests walk them. */
export const ADMIN_CONTROLLERS = [
  CompaniesController,
  CompanyClosingController,
  ApiKeysController,
  BranchesController,
  StaffController,
  ServicesController,
  CustomersController,
  CalcomController,
  AppointmentsController,
  SalonFileController,
  SyncController,
  RetellKeyController,
  AuditLogController,
  CallerMessagesController,
];
