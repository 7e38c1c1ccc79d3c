// The self-hosted roulette: a PeerJS signalling server (npm `peer`) under /peerjs, a lobby at
// /lobby that pairs whoever waits, and the page at / that a person uses from any browser.
// Usage: node roulette-server.mjs [--port N] [--host H] [--driven]; prints "listening on port N"
// once ready. --driven (how nektobot starts it): prints {"ev":"listening","port":N} instead and
// ends when its stdin ends, so that it never outlives the process that started it.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { ExpressPeerServer } from 'peer';
import { WebSocketServer } from 'ws';
import { Lobby } from './lobby.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const port = Number(option('--port', '9000'));
const host = option('--host', '127.0.0.1');
const driven = args.includes('--driven');

const app = express();
const server = http.createServer(app);
// PeerJS's socket server and the lobby's share the HTTP port. A ws server given the HTTP server
// refuses (400) every upgrade for a path other than its own, so neither gets the server: both
// are detached and the one upgrade handler below routes by path.
const peerSockets = { server: null, path: null };
app.use('/peerjs', ExpressPeerServer(server, {
  path: '/',
  allow_discovery: false,
  createWebSocketServer: options => {
    peerSockets.path = options.path;
    peerSockets.server = new WebSocketServer({ noServer: true });
    return peerSockets.server;
  },
}));
app.get('/peerjs.min.js', (req, res) => res.sendFile(path.join(here, 'node_modules/peerjs/dist/peerjs.min.js')));
app.use(express.static(path.join(here, 'page')));

const lobby = new Lobby();
const lobbySockets = new WebSocketServer({ noServer: true });
server.on('upgrade', (request, socket, head) => {
  const pathname = new URL(request.url, 'http://x').pathname;
  if (pathname === '/lobby') {
    lobbySockets.handleUpgrade(request, socket, head, ws => lobby.join(ws));
  } else if (peerSockets.server && pathname === peerSockets.path) {
    peerSockets.server.handleUpgrade(request, socket, head, ws => peerSockets.server.emit('connection', ws, request));
  } else {
    socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
  }
});

server.listen(port, host, () => {
  const bound = server.address().port;
  console.log(driven ? JSON.stringify({ ev: 'listening', port: bound }) : `listening on port ${bound}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (driven) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}
