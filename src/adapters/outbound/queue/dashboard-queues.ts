import type { Queue } from 'bullmq';

/**
 * Injection token of the BullMQ queues the operators' queue dashboard shows: the calendar-sync
 * producer's with BullMQ, none with the in-process queue (no dashboard then).
 */
export const DASHBOARD_QUEUES = Symbol('DashboardQueues');

export type DashboardQueues = readonly Queue[];
