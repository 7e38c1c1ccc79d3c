// A TCP proxy in front of the hub that can stop forwarding without closing anything, as a
// link dies silently when a home IP changes or a NAT forgets it (the Java SilentDeathIT's).
import net from 'node:net';

export class TcpProxy {
  #server;
  #pairs = new Set();
  #frozen = false;
  #refusing = false;
  accepted = 0;

  /** Starts a proxy on a free loopback port in front of `targetPort`. */
  static async start(targetPort) {
    const proxy = new TcpProxy(targetPort);
    await new Promise((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  constructor(targetPort) {
    this.#server = net.createServer((client) => {
      if (this.#refusing) {
        client.destroy();
        return;
      }
      this.accepted += 1;
      const upstream = net.connect(targetPort, '127.0.0.1');
      const pair = { client, upstream };
      this.#pairs.add(pair);
      const forward = (from, to) => from.on('data', (chunk) => {
        // Frozen: swallow everything, close nothing; both ends keep believing in the link.
        if (!this.#frozen && !pair.frozen) {
          to.write(chunk);
        }
      });
      forward(client, upstream);
      forward(upstream, client);
      const end = () => {
        this.#pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('close', end);
      upstream.on('close', end);
      client.on('error', end);
      upstream.on('error', end);
    });
  }

  get port() {
    return this.#server.address().port;
  }

  /** Stops forwarding on every open connection, without closing any; new connections forward. */
  freeze() {
    for (const pair of this.#pairs) {
      pair.frozen = true;
    }
  }

  /** Stops forwarding on every connection, new ones too, until thaw(). */
  freezeAll() {
    this.#frozen = true;
    this.freeze();
  }

  /** New connections forward again (frozen ones stay frozen, as a dead link does). */
  thaw() {
    this.#frozen = false;
    this.#refusing = false;
  }

  /** Drops every new connection at once, as a host that is down does, until thaw(). */
  refuseAll() {
    this.#refusing = true;
  }

  async close() {
    for (const pair of this.#pairs) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
    this.#pairs.clear();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}
