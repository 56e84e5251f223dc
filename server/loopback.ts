import { BlockList, isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Headers a reverse proxy adds to say whom it forwards for. */
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const;

/** Whether a host or address names this machine: `localhost`, 127.0.0.0/8, ::1 (also IPv4-mapped). */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * A client on this machine that reached us without a proxy. It reads the socket's peer, never
 * `request.ip` (which TRUST_PROXY may take from a header), and refuses any proxy header: a reverse
 * proxy on this machine connects from loopback too, on behalf of anyone on the internet.
 */
export function isDirectLoopback(request: FastifyRequest): boolean {
  return isLoopback(request.socket.remoteAddress ?? '') && PROXY_HEADERS.every((name) => request.headers[name] === undefined);
}
