import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * The addresses a sheet is never fetched from: whatever the organizer pastes, Lifeline must not
 * become a way into its own network or its cloud's metadata service (SSRF). Each range says what
 * it is, and the message names it.
 */
const RANGES: [network: string, prefix: number, what: string][] = [
  ['0.0.0.0', 8, 'an unspecified address'],
  ['10.0.0.0', 8, 'a private network address'],
  ['100.64.0.0', 10, 'a carrier-grade NAT address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local or cloud metadata address'],
  ['172.16.0.0', 12, 'a private network address'],
  ['192.0.0.0', 24, 'a reserved address'],
  ['192.0.2.0', 24, 'a documentation address'],
  ['192.168.0.0', 16, 'a private network address'],
  ['198.18.0.0', 15, 'a benchmarking address'],
  ['198.51.100.0', 24, 'a documentation address'],
  ['203.0.113.0', 24, 'a documentation address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['240.0.0.0', 4, 'a reserved address'],
  ['::', 128, 'an unspecified address'],
  ['::1', 128, 'a loopback address'],
  // IPv4-compatible and IPv4-mapped IPv6 addresses would reach an IPv4 host past the rules above.
  ['::', 96, 'an IPv4-compatible IPv6 address'],
  ['::ffff:0:0', 96, 'an IPv4-mapped IPv6 address'],
  ['64:ff9b:1::', 48, 'a local NAT64 address'],
  ['100::', 64, 'a discard address'],
  ['2001::', 32, 'a Teredo tunnel address'],
  ['2001:db8::', 32, 'a documentation address'],
  ['fc00::', 7, 'a private network (unique local) address'],
  ['fe80::', 10, 'a link-local address'],
  ['fec0::', 10, 'a site-local address'],
  ['ff00::', 8, 'a multicast address'],
];

const lists = RANGES.map(([network, prefix, what]) => {
  const family = isIPv4(network) ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, family, what };
});

const nat64 = new BlockList();
nat64.addSubnet('64:ff9b::', 96, 'ipv6');
const sixToFour = new BlockList();
sixToFour.addSubnet('2002::', 16, 'ipv6');

/** The IPv4 address carried in a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address, which routes to it. */
function embeddedIPv4(address: string): string | undefined {
  const words = expandIPv6(address);
  if (nat64.check(address, 'ipv6')) return wordsToIPv4(words[6]!, words[7]!);
  if (sixToFour.check(address, 'ipv6')) return wordsToIPv4(words[1]!, words[2]!);
  return undefined;
}

function expandIPv6(address: string): number[] {
  const [head = '', tail = ''] = address.split('::');
  const part = (s: string) => (s ? s.split(':').map((w) => parseInt(w, 16)) : []);
  const [h, t] = [part(head), address.includes('::') ? part(tail) : []];
  return [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}

const wordsToIPv4 = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join('.');

/**
 * Why Lifeline may not connect to this IP address ("a loopback address"), or undefined when it is a
 * public one. Anything that is not an IP address is refused.
 */
export function nonPublicAddress(address: string): string | undefined {
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
  if (!family) return 'not an IP address';
  if (family === 'ipv6' && address.includes('.')) return 'an IPv6 address embedding an IPv4 one';
  // A BlockList of IPv6 ranges also matches IPv4 addresses as if mapped: each range is checked in its own family.
  const hit = lists.find((range) => range.family === family && range.list.check(address, family));
  if (hit) return hit.what;
  const v4 = family === 'ipv6' ? embeddedIPv4(address) : undefined;
  return v4 ? nonPublicAddress(v4) : undefined;
}
