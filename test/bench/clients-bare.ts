// The baseline server of `npm run bench:clients`: a bare node:http server in a process of its own
// that answers every request with the same small JSON body a management point answers to a poll
// that finds nothing new, with the same headers. It prints its port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const text = JSON.stringify({ changed: false, policyVersion: 1 });
const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
});
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
