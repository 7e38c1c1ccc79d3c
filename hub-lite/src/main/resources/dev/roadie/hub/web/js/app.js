// The page: sign-in, the socket to the hub, the views and the keyboard shortcuts that span them.
import { RoadieClient, RoadieError } from './roadie-client.js';
import { Api } from './api.js';
import { ConnectionIndicator } from './connection.js';
import { byId, isTyping } from './dom.js';
import { RegistryStore } from './registry.js';
import { Scopes } from './scopes.js';
import { SignIn, tabName } from './signin.js';
import { Target } from './target.js';
import { SearchView } from './search.js';
import { QueueView } from './queue.js';
import { ServicesView } from './services.js';
import { CertificatesView } from './certificates.js';
import { TokensView } from './tokens.js';
import { DevicesView } from './devices.js';
import { OverviewView } from './overview.js';
import { ViewSwitcher } from './views.js';

const signIn = new SignIn(start);
signIn.boot();

/** Connects with `token`; resolves true when signed in, false (with the reason shown) when refused. */
async function start(token) {
  let connected;
  try {
    connected = await connect(token);
  } catch (e) {
    if (e instanceof RoadieError && e.code === 'unauthorized') {
      signIn.refused('The hub does not know this token, or it was revoked.');
    } else {
      signIn.refused(e?.message ?? String(e));
    }
    return false;
  }
  showApp(connected.client, connected.welcome, token);
  return true;
}

/**
 * Opens the socket. An admin token may connect as this tab's own identity (web/tab-...), so that
 * two tabs do not take over each other's session; any other token is refused that identity
 * ('forbidden') and connects as the token's own.
 */
async function connect(token) {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const attempt = async identity => {
    const client = new RoadieClient({ url, token, ...identity });
    new ConnectionIndicator(client);
    try {
      return { client, welcome: await client.connect() };
    } catch (e) {
      client.close();
      throw e;
    }
  };
  try {
    return await attempt({ kind: 'web', name: tabName() });
  } catch (e) {
    if (e instanceof RoadieError && e.code === 'forbidden') return attempt({});
    throw e;
  }
}

function showApp(client, welcome, token) {
  const scopes = new Scopes(welcome?.you?.scopes);
  const api = new Api(token);
  const registry = new RegistryStore(client);
  const target = new Target(registry, scopes);
  // Who queues a track, as the bot will show it: this tab's identity on the hub.
  const you = welcome?.you ? `${welcome.you.kind}/${welcome.you.name}` : 'web';
  const context = { client, api, scopes, registry, target, you };
  const views = {
    overview: new OverviewView(context),
    search: new SearchView(context),
    queue: new QueueView(context),
    services: new ServicesView(context),
    certificates: new CertificatesView(context),
    tokens: new TokensView(context),
    devices: new DevicesView(context),
  };
  registry.start();

  let leaving = false;
  byId('sign-out').hidden = false;
  byId('sign-out').addEventListener('click', () => {
    leaving = true;
    client.close();
    signIn.forget();
    location.reload();
  });
  client.addEventListener('state', e => {
    const { state, hubRestarted, reason } = e.detail;
    if (state === 'connected' && hubRestarted) {
      // The restarted hub forgot everything; the client subscribed again, the views ask again.
      Object.values(views).forEach(view => view.hubRestarted?.());
    }
    if (state === 'closed' && !leaving) {
      // The hub refused this client for good (token revoked, identity taken over): start afresh.
      leaving = true;
      signIn.forget();
      signIn.noteForNextStart(whySignedOut(reason));
      location.reload();
    }
  });

  // The overview shows the registry; a token that may not read it starts at the search.
  const switcher = new ViewSwitcher(views, scopes.has('registry') ? 'overview' : 'search', name => {
    byId('target').hidden = name !== 'search' && name !== 'queue';
  });
  document.addEventListener('keydown', event => {
    // "/" jumps to the search box from anywhere but a text field.
    if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event)) {
      event.preventDefault();
      if (location.hash !== '#search') location.hash = '#search';
      views.search.focus();
    }
  });
  signIn.hide();
  byId('app').hidden = false;
  switcher.start();
}

/** The sentence for the sign-in form when the hub ended this page's connection for good. */
function whySignedOut(reason = '') {
  if (/revoked/i.test(reason)) return 'Signed out: this token was revoked.';
  if (/replaced/i.test(reason)) return 'Signed out: another tab or device signed in with the same token.';
  if (/unauthorized/i.test(reason)) return 'Signed out: the hub no longer accepts this token.';
  return `Signed out: ${reason || 'the hub closed the connection'}.`;
}
