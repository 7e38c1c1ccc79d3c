// nektobot's WebRTC leg: one werift peer on the self-hosted roulette, driven by the Java bot
// over stdin/stdout, one JSON object per line (docs/NEKTOBOT.md, "The WebRTC leg").
//   stdin:  {"op":"find"}                    wait in the lobby for a stranger (hangs up a current one)
//           {"op":"audio","opus":"<base64>"} one 20 ms Opus frame (48 kHz) for the stranger
//           {"op":"hangup"}                  leave the stranger and stop waiting
//   stdout: {"ev":"ready"} {"ev":"searching"} {"ev":"connected","peer":id,"channels":1|2}
//           {"ev":"audio","seq":n,"opus":"<base64>"}  a frame from the stranger, its RTP sequence number
//           {"ev":"left"}  {"ev":"error","message":text}
// Logs go to stderr. Ending stdin ends the process: the bot's lifetime is the leg's.
// Usage: node webrtc-leg.mjs http://host:port   (the roulette server's address)
import readline from 'node:readline';
import { randomUUID } from 'node:crypto';
import { RTCPeerConnection, RTCRtpCodecParameters, RtpPacket, RtpHeader } from 'werift';
import WebSocket from 'ws';

const base = new URL(process.argv[2] ?? 'http://127.0.0.1:9000');
const wsBase = (base.protocol === 'https:' ? 'wss://' : 'ws://') + base.host;
const emit = event => process.stdout.write(JSON.stringify(event) + '\n');
const log = (...parts) => console.error('[webrtc-leg]', ...parts);

const myId = 'nektobot-' + randomUUID();
let signalling = null; // PeerJS server socket
let lobby = null;
let call = null; // { pc, connectionId, transceiver, remote, seq, ts }

function connectSignalling() {
  return new Promise((resolve, reject) => {
    const token = randomUUID().slice(0, 8);
    const socket = new WebSocket(`${wsBase}/peerjs/peerjs?key=peerjs&id=${myId}&token=${token}&version=1.5.5`);
    socket.on('message', data => {
      const message = JSON.parse(data.toString());
      if (message.type === 'OPEN') resolve(socket);
      else onSignal(message).catch(e => emit({ ev: 'error', message: 'signalling: ' + e.message }));
    });
    socket.on('error', reject);
    socket.on('close', () => log('the PeerJS server closed the signalling socket'));
    // PeerJS servers drop a peer silent for 60 s; its own clients beat every 5 s.
    const beat = setInterval(() => socket.readyState === 1 && socket.send(JSON.stringify({ type: 'HEARTBEAT' })), 5000);
    socket.on('close', () => clearInterval(beat));
  });
}

function connectLobby() {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${wsBase}/lobby`);
    socket.on('open', () => resolve(socket));
    socket.on('error', reject);
    socket.on('message', data => {
      const message = JSON.parse(data.toString());
      if (message.type === 'paired') {
        if (message.call) placeCall(message.peer).catch(e => emit({ ev: 'error', message: 'calling: ' + e.message }));
        // Otherwise the stranger calls us: an OFFER arrives through signalling.
      } else if (message.type === 'left') {
        if (call) { closeCall(); emit({ ev: 'left' }); }
      } else if (message.type === 'error') {
        emit({ ev: 'error', message: 'lobby: ' + message.message });
      }
    });
  });
}

function newCall(remote, connectionId) {
  const pc = new RTCPeerConnection({
    codecs: { audio: [new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48000, channels: 2 })] },
  });
  const current = { pc, connectionId, remote, transceiver: null, seq: 0, ts: 0, connected: false };
  pc.connectionStateChange.subscribe(state => {
    log('connection', state);
    if (state === 'connected' && !current.connected && call === current) {
      current.connected = true;
      emit({ ev: 'connected', peer: remote, channels: negotiatedChannels(pc) });
    }
    if ((state === 'failed' || state === 'closed') && call === current) {
      closeCall();
      emit({ ev: 'left' });
    }
  });
  pc.onTransceiverAdded.subscribe(transceiver => listen(current, transceiver));
  return current;
}

function listen(current, transceiver) {
  current.transceiver = transceiver;
  transceiver.onTrack.subscribe(track => {
    track.onReceiveRtp.subscribe(rtp => {
      if (call !== current) return;
      emit({ ev: 'audio', seq: rtp.header.sequenceNumber, opus: rtp.payload.toString('base64') });
    });
  });
}

// What the stranger's side asked for: Opus in WebRTC is always clocked at 48 kHz; stereo=1 in
// its fmtp means it wants two channels, otherwise one (the bot downmixes then).
function negotiatedChannels(pc) {
  const sdp = pc.remoteDescription?.sdp ?? '';
  const opus = /a=rtpmap:(\d+) opus\/48000/i.exec(sdp);
  if (!opus) return 1;
  const fmtp = new RegExp(`a=fmtp:${opus[1]} ([^\\r\\n]*)`).exec(sdp);
  return fmtp && /(^|;)\s*stereo=1/.test(fmtp[1]) ? 2 : 1;
}

async function placeCall(remote) {
  closeCall();
  call = newCall(remote, 'mc_' + randomUUID().replace(/-/g, '').slice(0, 12));
  const transceiver = call.pc.addTransceiver('audio', { direction: 'sendrecv' });
  listen(call, transceiver);
  await call.pc.setLocalDescription(await call.pc.createOffer());
  signal('OFFER', remote, {
    sdp: { type: 'offer', sdp: call.pc.localDescription.sdp },
    type: 'media', connectionId: call.connectionId, metadata: { from: 'nektobot' }, browser: 'werift',
  });
}

async function onSignal(message) {
  const payload = message.payload ?? {};
  if (message.type === 'OFFER' && payload.type === 'media') {
    closeCall();
    call = newCall(message.src, payload.connectionId);
    const current = call;
    await current.pc.setRemoteDescription(payload.sdp);
    for (const transceiver of current.pc.getTransceivers()) {
      transceiver.setDirection?.('sendrecv');
    }
    await current.pc.setLocalDescription(await current.pc.createAnswer());
    signal('ANSWER', message.src, {
      sdp: { type: 'answer', sdp: current.pc.localDescription.sdp },
      type: 'media', connectionId: current.connectionId, browser: 'werift',
    });
  } else if (message.type === 'ANSWER' && call && payload.connectionId === call.connectionId) {
    await call.pc.setRemoteDescription(payload.sdp);
  } else if (message.type === 'CANDIDATE' && call && payload.connectionId === call.connectionId) {
    await call.pc.addIceCandidate(payload.candidate);
  } else if ((message.type === 'LEAVE' || message.type === 'EXPIRE') && call && message.src === call.remote) {
    closeCall();
    emit({ ev: 'left' });
  } else if (message.type === 'ERROR' || message.type === 'ID-TAKEN' || message.type === 'INVALID-KEY') {
    emit({ ev: 'error', message: 'PeerJS server: ' + message.type + ' ' + JSON.stringify(payload) });
  }
}

function signal(type, dst, payload) {
  signalling.send(JSON.stringify({ type, dst, payload }));
}

function closeCall() {
  if (!call) return;
  const ending = call;
  call = null;
  ending.pc.close().catch(e => log('closing the peer connection:', e.message));
}

function sendAudio(opus) {
  if (!call || !call.connected || !call.transceiver) return;
  const header = new RtpHeader({ sequenceNumber: call.seq, timestamp: call.ts, payloadType: 111, marker: call.seq === 0 });
  call.seq = (call.seq + 1) & 0xffff;
  call.ts = (call.ts + 960) >>> 0;
  call.transceiver.sender.sendRtp(new RtpPacket(header, Buffer.from(opus, 'base64')))
    .catch(e => log('sending a frame:', e.message));
}

async function main() {
  signalling = await connectSignalling();
  lobby = await connectLobby();
  lobby.on('close', () => emit({ ev: 'error', message: 'the roulette lobby closed the connection' }));
  emit({ ev: 'ready' });
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', line => {
    let command;
    try {
      command = JSON.parse(line);
    } catch (e) {
      emit({ ev: 'error', message: 'stdin takes one JSON object a line: ' + e.message });
      return;
    }
    if (command.op === 'audio') sendAudio(command.opus);
    else if (command.op === 'find') {
      if (call) closeCall();
      lobby.send(JSON.stringify({ type: 'wait', peer: myId }));
      emit({ ev: 'searching' });
    } else if (command.op === 'hangup') {
      closeCall();
      lobby.send(JSON.stringify({ type: 'leave' }));
    } else emit({ ev: 'error', message: 'unknown op ' + command.op });
  });
  lines.on('close', () => {
    closeCall();
    process.exit(0);
  });
}

main().catch(e => {
  emit({ ev: 'error', message: 'cannot reach the roulette at ' + base + ': ' + e.message });
  process.exit(1);
});
