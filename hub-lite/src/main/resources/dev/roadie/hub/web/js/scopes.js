// What the signed-in token may do, from the welcome's `you.scopes`, matched as the hub matches
// them (docs/PROTOCOL.md §7): `admin` allows everything; PATTERN is exact, `*` or a prefix
// ending in `*`. The page only uses this to explain and disable; the hub decides.

export class Scopes {
  constructor(list) {
    this.list = Array.isArray(list) ? list : [];
  }

  get admin() {
    return this.list.includes('admin');
  }

  /** `has('registry')`, `has('send:music-bot')`, `has('subscribe:player.123')`. */
  has(scope) {
    if (this.admin || this.list.includes(scope)) return true;
    const colon = scope.indexOf(':');
    if (colon < 0) return false;
    const family = scope.slice(0, colon + 1);
    const value = scope.slice(colon + 1);
    return this.list.some(granted => granted.startsWith(family) && matches(granted.slice(family.length), value));
  }
}

function matches(pattern, value) {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}
