// Pairs whoever waits, first come first served. Messages are JSON:
//   in:  {"type":"wait","peer":"<PeerJS id>"}   queue me (again)
//        {"type":"leave"}                        end my pairing (and stop waiting)
//   out: {"type":"paired","peer":"<id>","call":true|false}   the later arrival calls
//        {"type":"left"}                         the stranger left (hung up, pressed next, or went away)
// A pairing ends when either side leaves or its socket closes: the other hears "left".
export class Lobby {
  constructor() {
    this.waiting = [];
    this.partners = new Map();
    this.lastPartner = new Map();
  }

  join(ws) {
    const member = { ws, peer: null };
    ws.on('message', data => {
      let message;
      try {
        message = JSON.parse(data.toString());
      } catch (e) {
        ws.send(JSON.stringify({ type: 'error', message: 'the lobby takes JSON messages: ' + e.message }));
        return;
      }
      if (message.type === 'wait' && typeof message.peer === 'string') {
        this.unpair(member);
        member.peer = message.peer;
        this.enqueue(member);
      } else if (message.type === 'leave') {
        this.unpair(member);
        this.waiting = this.waiting.filter(m => m !== member);
      } else {
        ws.send(JSON.stringify({ type: 'error', message: 'unknown message; send {"type":"wait","peer":id} or {"type":"leave"}' }));
      }
    });
    ws.on('close', () => {
      this.unpair(member);
      this.waiting = this.waiting.filter(m => m !== member);
      this.lastPartner.delete(member);
    });
  }

  enqueue(member) {
    this.waiting = this.waiting.filter(m => m !== member);
    // Someone just left by pressing "next" should meet someone else when anyone else waits.
    const last = this.lastPartner.get(member);
    let at = this.waiting.findIndex(m => m !== last && this.lastPartner.get(m) !== member);
    if (at < 0) at = this.waiting.length > 0 ? 0 : -1;
    if (at < 0) {
      this.waiting.push(member);
      return;
    }
    const other = this.waiting.splice(at, 1)[0];
    this.partners.set(member, other);
    this.partners.set(other, member);
    this.lastPartner.set(member, other);
    this.lastPartner.set(other, member);
    send(other, { type: 'paired', peer: member.peer, call: false });
    send(member, { type: 'paired', peer: other.peer, call: true });
  }

  unpair(member) {
    const other = this.partners.get(member);
    if (!other) return;
    this.partners.delete(member);
    this.partners.delete(other);
    send(other, { type: 'left' });
  }
}

function send(member, message) {
  if (member.ws.readyState === 1) member.ws.send(JSON.stringify(message));
}
