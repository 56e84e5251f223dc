import { BlockList, isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Headers a reverse proxy or CDN adds to say whom it forwards for (besides every `x-forwarded-*`). */
const PROXY_HEADERS = new Set(['forwarded', 'via', 'x-real-ip', 'x-client-ip', 'true-client-ip', 'cf-connecting-ip', 'fastly-client-ip', 'x-cluster-client-ip']);

/** Whether a host or address names this machine: `localhost`, 127.0.0.0/8, ::1 (also IPv4-mapped). */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * A client on this machine that reached us without a proxy. It reads the socket's peer, never
 * `request.ip` (which TRUST_PROXY may take from a header), and refuses any proxy header: a reverse
 * proxy on this machine connects from loopback too, on behalf of anyone on the internet (not all
 * of them add a header, so the Host must name this machine as well: a proxied request names the
 * public host, and a page on another site that rebinds its DNS to 127.0.0.1 names its own).
 */
export function isDirectLoopback(request: FastifyRequest): boolean {
  const proxied = Object.keys(request.headers).some((name) => PROXY_HEADERS.has(name) || name.startsWith('x-forwarded-'));
  return !proxied && isLoopback(request.socket.remoteAddress ?? '') && isLoopback(hostname(request.headers.host ?? ''));
}

/** "127.0.0.1:3000" → "127.0.0.1", "[::1]:3000" → "::1". */
function hostname(host: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  return bracketed ? bracketed[1]! : host.replace(/:\d+$/, '');
}
