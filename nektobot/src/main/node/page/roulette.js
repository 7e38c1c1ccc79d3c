// The roulette page: a PeerJS peer plus the lobby socket that pairs it with whoever waits.
// The later of two arrivals calls; the other answers. What is heard is measured (level and
// dominant pitch) so that sound quality can be judged technically, not only by ear.
(() => {
  const $ = id => document.getElementById(id);
  const status = (state, text) => { $('status').dataset.state = state; $('status').textContent = text; };
  let microphone = null, peer = null, lobby = null, call = null, running = false, muted = false;

  async function start() {
    running = true;
    setButtons(true);
    try {
      microphone = microphone || await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
      applyMute();
    } catch (e) {
      status('error', 'The microphone is not available: ' + e.message + '. Allow it and press Start again.');
      stop();
      return;
    }
    peer = new Peer(undefined, { host: location.hostname, port: Number(location.port) || (location.protocol === 'https:' ? 443 : 80), path: '/peerjs', secure: location.protocol === 'https:' });
    peer.on('error', e => status('error', 'Signalling failed: ' + e.type + '. Press Stop, then Start.'));
    peer.on('call', incoming => { hangUpCall(); call = incoming; incoming.answer(microphone); listen(incoming); });
    peer.on('open', id => {
      const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
      lobby = new WebSocket(scheme + '//' + location.host + '/lobby');
      lobby.onopen = () => wait();
      lobby.onmessage = event => onLobby(JSON.parse(event.data));
      lobby.onclose = () => { if (running) status('error', 'The lobby closed. Press Start to try again.'); };
    });
  }

  function wait() {
    status('searching', 'Looking for a stranger…');
    lobby.send(JSON.stringify({ type: 'wait', peer: peer.id }));
  }

  function onLobby(message) {
    if (message.type === 'paired') {
      status('connected', 'Connected to a stranger.');
      if (message.call) { hangUpCall(); call = peer.call(message.peer, microphone); listen(call); }
    } else if (message.type === 'left') {
      hangUpCall();
      status('left', 'The stranger left. Looking for another…');
      setTimeout(() => { if (running && lobby && lobby.readyState === 1) wait(); }, 500);
    }
  }

  function listen(connection) {
    connection.on('stream', stream => { $('remote').srcObject = stream; measure(stream); });
  }

  function next() {
    hangUpCall();
    if (lobby && lobby.readyState === 1) { lobby.send(JSON.stringify({ type: 'leave' })); wait(); }
  }

  function stop() {
    running = false;
    hangUpCall();
    if (lobby) { lobby.onclose = null; lobby.close(); lobby = null; }
    if (peer) { peer.destroy(); peer = null; }
    setButtons(false);
    if ($('status').dataset.state !== 'error') status('idle', 'Not connected.');
  }

  function hangUpCall() {
    if (call) { call.close(); call = null; }
    clearInterval(analyserTimer);
    clearInterval(onsetTimer);
    $('level').style.width = '0';
    $('remote').srcObject = null;
    $('heard').textContent = 'nothing yet';
    $('heard').dataset.hz = '';
  }

  function toggleMute() {
    muted = !muted;
    $('mute').textContent = muted ? 'Unmute' : 'Mute';
    $('mute').setAttribute('aria-pressed', String(muted));
    // When the stranger first hears the microphone after this moment is the delay one way.
    if (!muted) document.body.dataset.unmutedAt = String(Date.now());
    applyMute();
  }

  function applyMute() {
    if (microphone) microphone.getAudioTracks().forEach(track => { track.enabled = !muted; });
  }

  // Counters of what arrived on this call (packets received and lost, jitter), from WebRTC's own statistics.
  window.rouletteStats = async () => {
    if (!call || !call.peerConnection) return null;
    const reports = await call.peerConnection.getStats();
    for (const report of reports.values()) {
      if (report.type === 'inbound-rtp' && report.kind === 'audio') {
        return { packetsReceived: report.packetsReceived, packetsLost: report.packetsLost, jitter: report.jitter };
      }
    }
    return null;
  };

  let analyserTimer = null, onsetTimer = null;
  function measure(stream) {
    clearInterval(analyserTimer);
    clearInterval(onsetTimer);
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 8192;
    const source = context.createMediaStreamSource(stream);
    source.connect(analyser);
    // The moment sound first arrives on this call, on a short window (about 11 ms) polled every 5 ms.
    delete document.body.dataset.onsetAt;
    const quick = context.createAnalyser();
    quick.fftSize = 512;
    source.connect(quick);
    const recent = new Float32Array(quick.fftSize);
    onsetTimer = setInterval(() => {
      quick.getFloatTimeDomainData(recent);
      const level = Math.sqrt(recent.reduce((sum, x) => sum + x * x, 0) / recent.length);
      if (level > 0.02) { document.body.dataset.onsetAt = String(Date.now()); clearInterval(onsetTimer); }
    }, 5);
    const bins = new Float32Array(analyser.frequencyBinCount);
    const wave = new Float32Array(analyser.fftSize);
    analyserTimer = setInterval(() => {
      analyser.getFloatFrequencyData(bins);
      analyser.getFloatTimeDomainData(wave);
      let peak = 0;
      for (let i = 1; i < bins.length; i++) if (bins[i] > bins[peak]) peak = i;
      const rms = Math.sqrt(wave.reduce((sum, x) => sum + x * x, 0) / wave.length);
      $('level').style.width = Math.min(100, rms * 200) + '%';
      if (rms < 0.005) { $('heard').textContent = 'silence'; $('heard').dataset.hz = ''; return; }
      // Interpolate between bins (parabola through the peak and its neighbours) for a pitch within a hertz or two.
      const a = bins[peak - 1] ?? bins[peak], b = bins[peak], c = bins[peak + 1] ?? bins[peak];
      const shift = (a - c) / (2 * (a - 2 * b + c) || 1);
      const hz = (peak + shift) * context.sampleRate / analyser.fftSize;
      $('heard').textContent = hz.toFixed(0) + ' Hz, level ' + (20 * Math.log10(rms)).toFixed(0) + ' dBFS';
      $('heard').dataset.hz = hz.toFixed(1);
    }, 200);
  }

  function setButtons(active) {
    $('start').disabled = active;
    $('next').disabled = !active;
    $('stop').disabled = !active;
  }

  $('start').onclick = start;
  $('next').onclick = next;
  $('stop').onclick = stop;
  $('mute').onclick = toggleMute;
})();
