import { AdminApiKeyOrmEntity } from './admin-api-key.orm-entity';
import { AppointmentPhaseOrmEntity } from './appointment-phase.orm-entity';
import { AppointmentOrmEntity } from './appointment.orm-entity';
import { AuditLogOrmEntity } from './audit-log.orm-entity';
import { BranchPhoneNumberOrmEntity } from './branch-phone-number.orm-entity';
import { BranchOrmEntity } from './branch.orm-entity';
import { BusyBlockOrmEntity } from './busy-block.orm-entity';
import { CalcomCredentialOrmEntity } from './calcom-credential.orm-entity';
import { CalcomMappingOrmEntity } from './calcom-mapping.orm-entity';
import { CallFunctionTraceOrmEntity } from './call-function-trace.orm-entity';
import { CallOrmEntity } from './call.orm-entity';
import { ClosedDateOrmEntity } from './closed-date.orm-entity';
import { CompanyOrmEntity } from './company.orm-entity';
import { CustomerOrmEntity } from './customer.orm-entity';
import { HoldOrmEntity } from './hold.orm-entity';
import { OpeningHourOrmEntity } from './opening-hour.orm-entity';
import { ServiceSegmentOrmEntity } from './service-segment.orm-entity';
import { ServiceSynonymOrmEntity } from './service-synonym.orm-entity';
import { ServiceOrmEntity } from './service.orm-entity';
import { StaffAbsenceOrmEntity } from './staff-absence.orm-entity';
import { StaffWorkingHourOrmEntity } from './staff-working-hour.orm-entity';
import { StaffOrmEntity } from './staff.orm-entity';
import { SyncOutboxOrmEntity } from './sync-outbox.orm-entity';

export const ORM_ENTITIES = [
  AdminApiKeyOrmEntity,
  AppointmentOrmEntity,
  AppointmentPhaseOrmEntity,
  AuditLogOrmEntity,
  BranchOrmEntity,
  BranchPhoneNumberOrmEntity,
  BusyBlockOrmEntity,
  CalcomCredentialOrmEntity,
  CalcomMappingOrmEntity,
  CallOrmEntity,
  CallFunctionTraceOrmEntity,
  ClosedDateOrmEntity,
  CompanyOrmEntity,
  CustomerOrmEntity,
  HoldOrmEntity,
  OpeningHourOrmEntity,
  ServiceOrmEntity,
  ServiceSegmentOrmEntity,
  ServiceSynonymOrmEntity,
  StaffOrmEntity,
  StaffAbsenceOrmEntity,
  StaffWorkingHourOrmEntity,
  SyncOutboxOrmEntity,
];
