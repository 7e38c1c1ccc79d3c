// A message relay on the `ws` package, written the way its users write one: one process, JSON
// messages, a map of connections by name and a map of groups. It is the design Roadie replaces,
// run by the benchmark as a peer.
//
//   node relay.mjs PORT
//
// A client connects to ws://HOST:PORT/?name=NAME and sends JSON objects:
//   {"type":"join","group":"G"}                  joins group G (answered {"type":"joined","group":"G"})
//   {"type":"send","to":"NAME",...}              forwarded as is, with "from" set, to client NAME
//   {"type":"publish","group":"G",...}           forwarded to every member of group G
// Anything else is forwarded to "to" when it names a client (requests and replies are plain
// messages with an id: the clients match them up themselves).
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
const HEARTBEAT_MS = 30_000; // the ws README's keep-alive: ping every 30 s, drop who did not pong

const clients = new Map(); // name -> socket
const groups = new Map(); // group -> Set of sockets

const wss = new WebSocketServer({ host: '127.0.0.1', port, maxPayload: 1024 * 1024 });

wss.on('connection', (ws, req) => {
  const name = new URL(req.url, 'http://relay').searchParams.get('name');
  if (!name) {
    ws.close(4000, 'name required');
    return;
  }
  clients.set(name, ws);
  ws.name = name;
  ws.groups = new Set();
  ws.isAlive = true;
  ws.on('pong', () => { ws.isAlive = true; });

  ws.on('message', (data) => {
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      ws.send(JSON.stringify({ type: 'error', message: 'not JSON' }));
      return;
    }
    msg.from = name;
    if (msg.type === 'join') {
      let members = groups.get(msg.group);
      if (!members) groups.set(msg.group, members = new Set());
      members.add(ws);
      ws.groups.add(msg.group);
      ws.send(JSON.stringify({ type: 'joined', group: msg.group }));
    } else if (msg.type === 'publish') {
      const out = JSON.stringify(msg);
      for (const member of groups.get(msg.group) ?? []) member.send(out);
    } else if (msg.to !== undefined) {
      const target = clients.get(msg.to);
      if (target) target.send(JSON.stringify(msg));
    }
  });

  ws.on('close', () => {
    if (clients.get(name) === ws) clients.delete(name);
    for (const group of ws.groups) groups.get(group)?.delete(ws);
  });
  ws.on('error', (err) => console.error(`relay: ${name}: ${err.message}`));
});

const heartbeat = setInterval(() => {
  for (const ws of wss.clients) {
    if (!ws.isAlive) {
      ws.terminate();
      continue;
    }
    ws.isAlive = false;
    ws.ping();
  }
}, HEARTBEAT_MS);

wss.on('listening', () => console.log(`relay listening on ${port}`));
wss.on('close', () => clearInterval(heartbeat));
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
