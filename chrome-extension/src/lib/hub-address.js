// The hub's address as the person types it, and the addresses derived from it.

/**
 * 'music.lan:7070', 'http://music.lan:7070/' or 'https://hub.example.org' to an origin such as
 * 'http://music.lan:7070'; throws an Error whose message says what to type.
 */
export function hubOrigin(typed) {
  const text = (typed ?? '').trim();
  if (!text) {
    throw new Error('Type the address of your Roadie hub, for example http://192.168.1.20:7070');
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`"${text}" is not an address: type one such as http://192.168.1.20:7070`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`The hub is reached over http or https, not ${url.protocol.slice(0, -1)}: type http://${url.host || 'HOST:7070'}`);
  }
  return url.origin;
}

/** The hub's WebSocket: ws://HOST/ws for http, wss://HOST/ws for https. */
export function socketUrl(origin) {
  const url = new URL(origin);
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}/ws`;
}

/** The host permission pattern Chrome asks the person for at pairing. */
export function hostPermission(origin) {
  return `${origin}/*`;
}
