// davey (@snazzah/davey, the DAVE implementation discord.js uses) as one member of a call that a
// Java test runs through its fake voice gateway (DaveyInteropTest). It handles DAVE's opcodes the
// way @discordjs/voice drives davey, and answers each request line on stdin with one line on
// stdout: {"out": [...what it sends the gateway...], ...}. Buffers travel as base64.
import { createInterface } from 'node:readline';
import davey from '@snazzah/davey';

const { DAVESession, DAVE_PROTOCOL_VERSION, VERSION, generateDisplayableCode } = davey;
const AUDIO = 0;

let session = null;
let userId = null;
let channelId = null;
let protocolVersion = 0;
let others = [];
let pendingTransition = null;

const b64 = (buffer) => Buffer.from(buffer).toString('base64');
const buf = (text) => Buffer.from(text, 'base64');

function restart(out) {
  if (session) {
    session.reinit(protocolVersion, userId, channelId);
  } else {
    session = new DAVESession(protocolVersion, userId, channelId);
  }
  out.push({ bin: 26, p: b64(session.getSerializedKeyPackage()) });
}

function invalid(transitionId, out, error) {
  out.push({ json: 31, d: { transition_id: transitionId }, error: String(error) });
  restart(out);
}

function execute(transitionId) {
  if (!pendingTransition || pendingTransition.transition_id !== transitionId) return;
  if (pendingTransition.protocol_version === 0) {
    session.setPassthroughMode(true, 10);
  } else {
    // Upgrade executed: unencrypted frames stop passing ten seconds from now.
    session.setPassthroughMode(false, 10);
  }
  pendingTransition = null;
}

function transitionAfter(kind, payload, out) {
  const transitionId = payload.readUInt16BE(0);
  try {
    if (kind === 29) session.processCommit(payload.subarray(2));
    else session.processWelcome(payload.subarray(2));
  } catch (error) {
    invalid(transitionId, out, error);
    return;
  }
  pendingTransition = { transition_id: transitionId, protocol_version: protocolVersion };
  if (transitionId === 0) execute(0);
  else out.push({ json: 23, d: { transition_id: transitionId } });
}

function binary(op, payload, out) {
  switch (op) {
    case 25:
      session.setExternalSender(payload);
      break;
    case 27: {
      const result = session.processProposals(payload.readUInt8(0), payload.subarray(1), others);
      if (result.commit) {
        const parts = result.welcome ? [result.commit, result.welcome] : [result.commit];
        out.push({ bin: 28, p: b64(Buffer.concat(parts)) });
      }
      break;
    }
    case 29:
    case 30:
      transitionAfter(op, payload, out);
      break;
    default:
      break;
  }
}

function json(op, d, out) {
  switch (op) {
    case 21:
      pendingTransition = d;
      if (d.transition_id === 0) execute(0);
      else {
        if (d.protocol_version === 0) session.setPassthroughMode(true, 120);
        out.push({ json: 23, d: { transition_id: d.transition_id } });
      }
      break;
    case 22:
      execute(d.transition_id);
      break;
    case 24:
      if (d.epoch === 1) {
        protocolVersion = d.protocol_version;
        restart(out);
      }
      break;
    default:
      break;
  }
}

function handle(request) {
  const out = [];
  const answer = { out };
  switch (request.t) {
    case 'start':
      userId = request.userId;
      channelId = request.channelId;
      protocolVersion = request.protocolVersion;
      others = [...request.others, userId];
      restart(out);
      answer.version = VERSION;
      answer.maxProtocolVersion = DAVE_PROTOCOL_VERSION;
      break;
    case 'users':
      // Recognized users: the others in the call and this member (libdave checks every leaf of a welcome against them).
      others = [...request.others, userId];
      break;
    case 'bin':
      binary(request.op, buf(request.p), out);
      break;
    case 'json':
      json(request.op, request.d, out);
      break;
    case 'encrypt':
      answer.frame = b64(session.encryptOpus(buf(request.p)));
      break;
    case 'decrypt':
      try {
        answer.frame = b64(session.decrypt(request.userId, AUDIO, buf(request.p)));
      } catch (error) {
        answer.frame = null;
        answer.error = String(error);
      }
      break;
    case 'state': {
      const authenticator = session && session.status === 3 ? session.getEpochAuthenticator() : null;
      answer.epoch = session && session.epoch !== null ? Number(session.epoch) : 0;
      answer.authenticator = authenticator ? b64(authenticator) : null;
      answer.code = authenticator ? generateDisplayableCode(authenticator, 30, 5) : null;
      answer.status = session ? session.status : 0;
      answer.users = session ? session.getUserIds() : [];
      break;
    }
    default:
      answer.error = `unknown request ${request.t}`;
  }
  return answer;
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  let answer;
  try {
    answer = handle(JSON.parse(line));
  } catch (error) {
    answer = { out: [], error: String(error && error.stack ? error.stack : error) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
});
