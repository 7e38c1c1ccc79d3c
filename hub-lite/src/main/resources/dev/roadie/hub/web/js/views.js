// Which view is on screen. The switcher follows the address's #hash, shows one view's section,
// marks its link, and tells the views: hidden() to the one that leaves, shown() to the one that
// comes. A view that renders live data keeps a Freshness: while hidden it only notes that its
// data changed, and it renders once when shown again, so a hidden view costs nothing.

export class ViewSwitcher {
  /**
   * @param views `{ name: view }` in the order of the navigation; each view may have shown() and hidden()
   * @param fallback the view for an address without a known #hash
   * @param onSwitch called with the name of each view that is shown (for page-wide parts)
   */
  constructor(views, fallback, onSwitch = () => {}) {
    this.views = views;
    this.fallback = fallback;
    this.onSwitch = onSwitch;
    this.current = null;
  }

  start() {
    window.addEventListener('hashchange', () => this.route());
    this.route();
  }

  route() {
    // A view may be given a value after '?' (#devices?code=BCDF-GHJK, the pairing link): the view reads it.
    const asked = location.hash.slice(1).split('?')[0];
    const name = Object.hasOwn(this.views, asked) ? asked : this.fallback;
    if (name === this.current) return;
    const leaving = this.current;
    this.current = name;
    for (const view of Object.keys(this.views)) {
      document.getElementById(`view-${view}`).hidden = view !== name;
      const link = document.querySelector(`nav a[data-view="${view}"]`);
      if (view === name) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    if (leaving) this.views[leaving].hidden?.();
    this.onSwitch(name);
    this.views[name].shown?.();
  }
}

/** Renders a view's live data only while it is shown; a change while hidden is caught up on showing. */
export class Freshness {
  constructor(render) {
    this.render = render;
    this.visible = false;
    this.stale = true;
  }

  /** The data changed: render now if shown, else when next shown. */
  changed() {
    if (this.visible) {
      this.stale = false;
      this.render();
    } else {
      this.stale = true;
    }
  }

  shown() {
    this.visible = true;
    if (this.stale) this.changed();
  }

  hidden() {
    this.visible = false;
  }
}
