// Sign-in and where the token is kept: for this tab only (sessionStorage, the default) or, when
// the reader asks to be remembered, on this device (localStorage). Signing out forgets both.
import { byId } from './dom.js';

const TOKEN_KEY = 'roadie.token';
const TAB_KEY = 'roadie.tab';
const NOTE_KEY = 'roadie.signed-out-because';

export class SignIn {
  /** @param {(token: string) => Promise<boolean>} start connects; false when the hub refused */
  constructor(start) {
    this.start = start;
    this.section = byId('sign-in');
    this.form = byId('sign-in-form');
    this.input = byId('sign-in-token');
    this.remember = byId('sign-in-remember');
    this.error = byId('sign-in-error');
    this.submit = byId('sign-in-submit');
    this.form.addEventListener('submit', event => {
      event.preventDefault();
      this.signIn();
    });
  }

  /** Signs in with a kept token, or shows the form. */
  async boot() {
    const kept = globalThis.sessionStorage.getItem(TOKEN_KEY) ?? globalThis.localStorage.getItem(TOKEN_KEY);
    const note = globalThis.sessionStorage.getItem(NOTE_KEY) ?? '';
    globalThis.sessionStorage.removeItem(NOTE_KEY);
    if (kept) {
      if (!(await this.start(kept))) this.forget();
    } else {
      this.show(note);
    }
  }

  async signIn() {
    const token = this.input.value.trim();
    if (!token) return;
    this.error.textContent = '';
    this.submit.disabled = true;
    this.submit.textContent = 'Signing in…';
    try {
      if (await this.start(token)) {
        globalThis.sessionStorage.setItem(TOKEN_KEY, token);
        if (this.remember.checked) globalThis.localStorage.setItem(TOKEN_KEY, token);
        this.input.value = '';
      }
    } finally {
      this.submit.disabled = false;
      this.submit.textContent = 'Sign in';
    }
  }

  refused(message) {
    this.show(message);
  }

  show(message = '') {
    this.section.hidden = false;
    this.error.textContent = message;
    this.input.focus();
  }

  hide() {
    this.section.hidden = true;
  }

  /** A sentence for the sign-in form after the page reloads (why the reader was signed out). */
  noteForNextStart(message) {
    globalThis.sessionStorage.setItem(NOTE_KEY, message);
  }

  forget() {
    globalThis.sessionStorage.removeItem(TOKEN_KEY);
    globalThis.localStorage.removeItem(TOKEN_KEY);
  }
}

/** This tab's own name, kept across reloads of the tab: `tab-` and 8 random hex digits. */
export function tabName() {
  let name = globalThis.sessionStorage.getItem(TAB_KEY);
  if (!name) {
    const bytes = new Uint8Array(4);
    globalThis.crypto.getRandomValues(bytes);
    name = 'tab-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    globalThis.sessionStorage.setItem(TAB_KEY, name);
  }
  return name;
}
