/**
 * The load benchmark's reference: a bare node:http server answering every request with one
 * fixed JSON body the size of a dashboard aggregate. What it serves per second is what this
 * machine, at this moment, allows any Node.js server on loopback.
 * Usage: node bench/reference-server.ts PORT
 */
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 8099);
const rows = Array.from({ length: 12 }, (_, i) => ({ country: `C${i}`, value: 1234567.89 * i }));
const body = JSON.stringify({ measure: 'commitments', currency: 'USD', by: ['country'], rows });

createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  response.end(body);
}).listen(port, '127.0.0.1');
