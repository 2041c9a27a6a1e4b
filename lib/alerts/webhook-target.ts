import 'server-only';
// Where a webhook may point: https, to a public address. Checked when the channel is saved and
// again before every send (a name may resolve elsewhere by then): the panel's server must not
// be made to call its own network (server-side request forgery). Demo mode and tests may allow
// local receivers (ALERTS_ALLOW_PRIVATE_TARGETS).
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { env, isDemoMode } from '@/config/env';

export const allowsPrivateTargets = () => env().ALERTS_ALLOW_PRIVATE_TARGETS === '1' || isDemoMode();

function isPrivateIPv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number) as [number, number];
  return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
}

function isPrivateIPv6(address: string): boolean {
  const lower = address.toLowerCase();
  if (lower === '::' || lower === '::1') return true;
  const mapped = lower.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return isPrivateIPv4(mapped[1]!);
  // Unique local (fc00::/7), link-local (fe80::/10), multicast (ff00::/8).
  return /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff');
}

export const isPrivateAddress = (address: string) => (isIP(address) === 6 ? isPrivateIPv6(address) : isPrivateIPv4(address));

/** Null when the URL may be called; otherwise why not. */
export async function webhookTargetProblem(target: string, allowPrivate = allowsPrivateTargets()): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'The webhook URL is not a URL.';
  }
  if (url.username || url.password) return 'The webhook URL may not carry a user name or password.';
  if (allowPrivate) return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'The webhook URL must start with https://.';
  if (url.protocol !== 'https:') return 'The webhook URL must start with https://.';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return `The webhook's host ${host} does not resolve.`;
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) return `The webhook's host ${host} is a private, loopback or link-local address.`;
  return null;
}
