// Compiled (not run) by types.test.mjs: what a TypeScript bot or page writes, type-checked.
import { RoadieClient, RoadieError, type RoadieClientOptions } from '@roadie/client';

const options: RoadieClientOptions = { url: 'ws://localhost:7070/ws', token: 'rd_example', replace: false };
const client = new RoadieClient(options);

client.addEventListener('state', (event) => console.info((event as CustomEvent).detail));
client.handle('player.command', (request) => ({ guild: request.body.guild, queue: [] }));

export async function run(): Promise<void> {
  await client.connect();
  await client.send('topic:player.1', 'player.event', { event: 'now-playing' }, { durable: false });
  const stop = await client.subscribe('player.1', (message) => console.info(message.from, message.body));
  const gathered = await client.gather('kind:music-bot', 'status', {}, { mode: 'quorum', quorum: 2 });
  console.info(gathered.results.map((result) => result.status));
  try {
    await client.request('one:music-bot', 'player.command', { command: 'skip' }, { timeoutMs: 5_000 });
  } catch (e) {
    if (e instanceof RoadieError) {
      console.info(e.code, e.status, e.from);
    }
  }
  await stop();
  client.close();
}
