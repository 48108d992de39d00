import { createServer } from 'node:http';
import { Pool } from 'pg';

/**
 * The benchmark's floor: Node's HTTP server and one `SELECT 1` on the same Postgres, with
 * nothing of ours in between. Started as its own process by calls.bench.ts.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const server = createServer((_req, res) => {
  pool.query('SELECT 1').then(
    () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    },
    () => {
      res.writeHead(500);
      res.end();
    },
  );
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
