// A Socket.IO 4 server doing what the Roadie hub does, the Socket.IO way: rooms for groups,
// acknowledgements for requests, and emitWithAck to a room for a gather. Run by the benchmark
// as a peer.
//
//   node socketio-server.mjs PORT
//
// With REDIS_URL set (redis://HOST:PORT), the server joins the others on that Redis through
// @socket.io/redis-adapter, Socket.IO's own way to run several nodes as one: an emit to a room
// reaches its members on every node. The benchmark's cluster scenario runs two such nodes.
//
// A client connects with the query name=NAME (its private room is "name:NAME") and emits:
//   join(group, ack)                        joins the room, then acks
//   send({to, data})                        emits "message" to client `to`
//   publish({group, data})                  emits "message" to the room `group`
//   request({to, data, timeoutMs}, ack)     asks client `to` ("request" event with an ack), acks its answer
//   gather({group, data, timeoutMs}, ack)   asks every client of the room, acks the array of answers
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2] ?? process.env.PORT ?? 8081);
const http = createServer();
const io = new Server(http, { serveClient: false, transports: ['websocket'], maxHttpBufferSize: 1024 * 1024 });
if (process.env.REDIS_URL) {
  const { createClient } = await import('redis');
  const { createAdapter } = await import('@socket.io/redis-adapter');
  const pub = createClient({ url: process.env.REDIS_URL });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (err) => console.error(`redis: ${err}`));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
}

io.on('connection', (socket) => {
  const name = socket.handshake.query.name;
  socket.join(`name:${name}`);

  socket.on('join', (group, ack) => {
    socket.join(group);
    if (typeof ack === 'function') ack(group);
  });
  socket.on('send', (msg) => {
    io.to(`name:${msg.to}`).emit('message', { from: name, data: msg.data });
  });
  socket.on('publish', (msg) => {
    io.to(msg.group).emit('message', { from: name, data: msg.data });
  });
  socket.on('request', async (msg, ack) => {
    try {
      const answers = await io.to(`name:${msg.to}`).timeout(msg.timeoutMs ?? 10_000).emitWithAck('request', msg.data);
      ack({ ok: answers.length > 0, data: answers[0] });
    } catch (err) {
      ack({ ok: false, error: String(err) });
    }
  });
  socket.on('gather', async (msg, ack) => {
    try {
      const answers = await io.to(msg.group).timeout(msg.timeoutMs ?? 10_000).emitWithAck('request', msg.data);
      ack({ ok: true, answers });
    } catch (err) {
      ack({ ok: false, error: String(err) });
    }
  });
});

http.listen(port, '127.0.0.1', () => console.log(`socket.io listening on ${port}`));
process.on('SIGTERM', () => io.close(() => process.exit(0)));
