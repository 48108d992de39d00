/** The admin's name for the one unit of work, which the admin's end-to-end tests resolve. */
export { UNIT_OF_WORK as ADMIN_UNIT_OF_WORK } from '../../ports/unit-of-work.port';
