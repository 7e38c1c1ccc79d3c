// A TCP relay in front of the hub: closing it makes the hub unreachable for the extension
// without stopping the hub, and opening it again on the same port brings the hub back.
import net from 'node:net';

export class HubProxy {
  constructor(target) {
    this.target = target; // {host, port}
    this.port = 0;
    this.server = null;
    this.sockets = new Set();
  }

  async open() {
    this.server = net.createServer((inbound) => {
      const outbound = net.connect(this.target);
      for (const socket of [inbound, outbound]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', resolve);
    });
    this.port = this.server.address().port;
  }

  /** Refuses new connections and cuts the open ones, as a hub that went away. */
  async close() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
}
