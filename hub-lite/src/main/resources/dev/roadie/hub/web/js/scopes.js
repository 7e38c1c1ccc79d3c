// What the signed-in token may do, from the welcome's `you.scopes`, matched as the hub matches
// them (docs/PROTOCOL.md §7): `admin` allows everything; PATTERN is exact, `*` or a prefix
// ending in `*`; `send` and `announce` also take KIND/NAME (`send:music-bot/eu-1`,
// `send:music-bot/eu-*`), which reaches those services by name only. The page only uses this to
// explain and disable; the hub decides.

/** The actions whose pattern may name services, KIND/NAME, rather than only kinds. */
const OF_SERVICES = ['send', 'announce'];

export class Scopes {
  constructor(list) {
    this.list = Array.isArray(list) ? list : [];
  }

  get admin() {
    return this.list.includes('admin');
  }

  /**
   * `has('registry')`, `has('send:music-bot')` (every music bot, or one the hub picks),
   * `has('send:music-bot/eu-1')` (that service by name), `has('subscribe:player.123')`.
   */
  has(scope) {
    if (this.admin || this.list.includes(scope)) return true;
    const colon = scope.indexOf(':');
    if (colon < 0) return false;
    const action = scope.slice(0, colon);
    const value = scope.slice(colon + 1);
    const slash = value.indexOf('/');
    return this.list.some(granted => {
      if (!granted.startsWith(`${action}:`)) return false;
      const pattern = granted.slice(action.length + 1);
      if (!OF_SERVICES.includes(action)) return matches(pattern, value);
      if (slash < 0) {
        // A kind: a KIND/NAME pattern reaches named services only, never a whole kind.
        return !pattern.includes('/') && matches(pattern, value);
      }
      // A service, KIND/NAME: a pattern of kinds reaches every service of the kinds it matches.
      return pattern.includes('/') ? matchesService(pattern, value) : matches(pattern, value.slice(0, slash));
    });
  }
}

/** What a scope allows, in a sentence for a person, or null for one the page does not know. */
export function describeScope(scope) {
  const plain = {
    admin: 'everything, including managing tokens',
    registry: 'reads the registry and its events',
    broadcast: 'sends to every client (address all)',
    metrics: 'reads /metrics',
    search: 'searches music and resolves links through the hub',
  };
  if (plain[scope]) return plain[scope];
  const colon = scope.indexOf(':');
  if (colon < 0) return null;
  const action = scope.slice(0, colon);
  const pattern = scope.slice(colon + 1);
  const slash = pattern.indexOf('/');
  if (OF_SERVICES.includes(action) && slash > 0) {
    const kind = pattern.slice(0, slash);
    const name = pattern.slice(slash + 1);
    const which = name.endsWith('*') ? `${kind} services whose names start with ${name.slice(0, -1)}`
      : `the ${kind} service ${name}`;
    return action === 'send' ? `sends to ${which}, by name only (not to every ${kind} or one the hub picks)`
      : `announces ${which}`;
  }
  const some = (one, many) => (pattern === '*' ? `any ${one}`
    : pattern.endsWith('*') ? `${many} starting with ${pattern.slice(0, -1)}` : `${one} ${pattern}`);
  const kinds = pattern === '*' ? 'services of any kind' : pattern.endsWith('*')
    ? `services of kinds starting with ${pattern.slice(0, -1)}` : `services of kind ${pattern}`;
  const verbs = {
    send: `sends to ${kinds}`,
    publish: `publishes to ${some('topic', 'topics')}`,
    subscribe: `subscribes to ${some('topic', 'topics')}`,
    announce: `announces ${kinds}`,
    secrets: `reads the secrets of ${kinds}`,
    certs: `fetches the certificates of ${some('name', 'names')}`,
  };
  return verbs[action] ?? null;
}

function matches(pattern, value) {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}

/** KIND/NAME or KIND/PREFIX* against a service KIND/NAME: the kind exactly, the name as a pattern. */
function matchesService(pattern, service) {
  const slash = pattern.indexOf('/');
  const at = service.indexOf('/');
  return pattern.slice(0, slash) === service.slice(0, at) && matches(pattern.slice(slash + 1), service.slice(at + 1));
}
