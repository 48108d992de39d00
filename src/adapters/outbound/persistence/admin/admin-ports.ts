/** The repositories bound to one entity manager, admin ones included (they all are now). */
export { portsFor as adminPortsFor } from '../typeorm-transaction-ports';
