// The tifa tooltip: one delegated set of listeners on a root, one isolated Shadow DOM host.
//
// - Opens on hover (mouse/pen), keyboard focus and tap; stays open while the pointer moves into
//   it; Escape closes it; a pin button (or Enter on a highlight, or a click/tap) pins it.
// - Plain: the host has role="tooltip"; the highlight gets aria-describedby pointing at a short,
//   hidden description (term, preferred English, category, how to open the card).
//   Pinned: the host becomes a non-modal dialog (role="dialog"), focus moves into it when pinned
//   from the keyboard and returns to the highlight on Escape.
// - Under 600px of viewport width it is a bottom sheet; otherwise positioned with @floating-ui/dom.
// - Styles live in adopted constructed stylesheets inside a shadow root whose host is reset with
//   `all: initial !important`: no <style> tags (works under a strict style-src CSP), host CSS
//   cannot restyle it and it cannot restyle the host. Colours come from CSS custom properties
//   (--tifa-tooltip-bg, --tifa-tooltip-fg, --tifa-tooltip-muted, --tifa-tooltip-accent,
//   --tifa-tooltip-border, --tifa-tooltip-font), which a host page may set.
import { renderCard, matchFromElement, CARD_CSS, CATEGORY_LABELS } from './card.js';

let floatingUi; // Promise<module|null>: loaded once, on first open; a failure falls back to simple positioning
function loadFloatingUi() {
  // A literal specifier, so bundlers can follow it; relative to this module in a browser.
  if (!floatingUi) floatingUi = import('../vendor/floating-ui.dom.browser.min.mjs').catch(() => null);
  return floatingUi;
}

const TOOLTIP_CSS = `
:host { all: initial !important; display: none !important; position: fixed !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  overflow: visible !important; z-index: 2147483647 !important; visibility: visible !important; opacity: 1 !important;
  transform: none !important; filter: none !important; clip-path: none !important; pointer-events: none !important;
  contain: none !important; direction: ltr;
  --_bg: var(--tifa-tooltip-bg, #fffef9); --_fg: var(--tifa-tooltip-fg, #1b1b1f); --_muted: var(--tifa-tooltip-muted, #4f4f57);
  --_accent: var(--tifa-tooltip-accent, #8a1c1c); --_border: var(--tifa-tooltip-border, #c9c3b5);
  --_shadow: 0 6px 24px rgba(0,0,0,.18), 0 1px 3px rgba(0,0,0,.12); color-scheme: light; }
:host([data-open]) { display: block !important; }
:host([data-theme=dark]) { --_bg: var(--tifa-tooltip-bg, #1e1f24); --_fg: var(--tifa-tooltip-fg, #ececf0); --_muted: var(--tifa-tooltip-muted, #b4b4bf);
  --_accent: var(--tifa-tooltip-accent, #ff9d8a); --_border: var(--tifa-tooltip-border, #4a4a55); --_shadow: 0 6px 24px rgba(0,0,0,.6); color-scheme: dark; }
@media (prefers-color-scheme: dark) {
  :host([data-theme=auto]) { --_bg: var(--tifa-tooltip-bg, #1e1f24); --_fg: var(--tifa-tooltip-fg, #ececf0); --_muted: var(--tifa-tooltip-muted, #b4b4bf);
    --_accent: var(--tifa-tooltip-accent, #ff9d8a); --_border: var(--tifa-tooltip-border, #4a4a55); --_shadow: 0 6px 24px rgba(0,0,0,.6); color-scheme: dark; }
}
@media print { :host { display: none !important; } }
.tifa-tip { --tifa-fg: var(--_fg); --tifa-muted: var(--_muted); --tifa-accent: var(--_accent); --tifa-border: var(--_border);
  --tifa-hover: color-mix(in srgb, var(--_accent) 12%, transparent);
  position: fixed; top: 0; left: 0; box-sizing: border-box; width: max-content; max-width: min(420px, calc(100vw - 16px));
  max-height: min(70vh, 512px); overflow: auto; overscroll-behavior: contain; pointer-events: auto;
  background: var(--_bg); color: var(--_fg); border: 1px solid var(--_border); border-radius: 8px; box-shadow: var(--_shadow);
  padding: 10px 12px 12px; font: 14px/1.45 var(--tifa-tooltip-font, system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif);
  text-align: start; white-space: normal; }
.tifa-tip:focus { outline: none; }
.tifa-tip:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
.tifa-tip.sheet { top: auto !important; bottom: 0 !important; left: 0 !important; right: 0 !important; width: auto; max-width: none;
  max-height: 60vh; border-radius: 12px 12px 0 0; border-width: 1px 0 0; padding-bottom: max(12px, env(safe-area-inset-bottom)); }
.tifa-tip-bar { display: flex; gap: 4px; justify-content: flex-end; align-items: center; float: right; margin: -4px -6px 0 8px; }
.tifa-tip-bar button { font: inherit; font-size: 12px; line-height: 1; color: var(--_muted); background: transparent; cursor: pointer;
  border: 1px solid transparent; border-radius: 4px; min-width: 24px; min-height: 24px; padding: 4px 6px; }
.tifa-tip-bar button:hover { border-color: var(--_border); color: var(--_fg); }
.tifa-tip-bar button:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; }
.tifa-tip-bar button[aria-pressed=true] { color: var(--_accent); border-color: var(--_accent); }
.tifa-tip-bar [hidden] { display: none; }
.tifa-tip-hint { clear: both; margin: 8px 0 0; font-size: 12px; color: var(--_muted); }
.tifa-tip-hint[hidden] { display: none; }
`;

const sheetCache = new WeakMap(); // Window -> CSSStyleSheet[]
function sheetsFor(doc) {
  const win = doc.defaultView || window;
  let sheets = sheetCache.get(win);
  if (!sheets) {
    sheets = [CARD_CSS, TOOLTIP_CSS].map((css) => {
      const s = new win.CSSStyleSheet();
      s.replaceSync(css);
      return s;
    });
    sheetCache.set(win, sheets);
  }
  return sheets;
}

let hostCounter = 0;

/**
 * Attaches tifa tooltips to every highlight (`[data-tifa-term]`) under `root`, present or
 * future, with one delegated listener per event type on `root`. Highlights inside open shadow
 * roots under `root` are found too (through `composedPath()`).
 *
 * Related and nested terms open in place in the tooltip (with a Back button); `onNavigate(id)`
 * is called after each such step, for callers that also want to react.
 *
 * @example
 *   import { attachTooltips } from './lib/tooltip.js';
 *   const tips = attachTooltips(document, { getEntry: (id) => tifa.entry(id), theme: 'auto' });
 *   // when the entries change (the card part arrived): tips.refresh();
 *   // later: tips.close(); tips.destroy();
 * @param {Document|Element|ShadowRoot} root where highlights live
 * @param {{ getEntry: (id: string) => object|undefined, onNavigate?: (id: string) => void,
 *           theme?: 'auto'|'light'|'dark', openDelay?: number, closeDelay?: number,
 *           termUrl?: (id: string) => string, reportUrl?: (entry: object) => string }} options
 *   (`termUrl`, `reportUrl`: links from each card to its entry page and to a problem report)
 * @returns {{ close(): void, refresh(): void, destroy(): void, readonly host: HTMLElement|null, readonly current: Element|null, readonly pinned: boolean }}
 */
export function attachTooltips(root, { getEntry, onNavigate, theme = 'auto', openDelay = 60, closeDelay = 250, termUrl, reportUrl } = {}) {
  if (!root || typeof root.addEventListener !== 'function') throw new TypeError('attachTooltips: root must be a Document, Element or ShadowRoot');
  if (typeof getEntry !== 'function') throw new TypeError('attachTooltips: options.getEntry must be a function (id) => Entry');
  if (!['auto', 'light', 'dark'].includes(theme)) theme = 'auto';
  const doc = root.nodeType === 9 ? root : root.ownerDocument;
  const win = doc.defaultView || window;

  let host = null; let shadow = null; let panel = null; let body = null; let pinBtn = null; let backBtn = null; let closeBtn = null; let hint = null;
  let current = null; // the highlight element the tooltip belongs to
  let pinned = false;
  let history = []; // entry ids navigated to (in-place navigation)
  let openTimer = 0; let closeTimer = 0;
  let cleanupAuto = null;
  let suppressFocusOpen = null; // a highlight whose tooltip was dismissed with Escape while focused
  let lastPointerType = 'mouse';
  let pointerX = null; let pointerY = null;
  // The highlight's accessible description: one short line (term, preferred English, category,
  // how to open the card), not the whole card (issue 11, item 10). Hidden, and referenced by
  // aria-describedby, which still reads it.
  let desc = null;

  function ensureHost(mark) {
    if (!host) {
      host = doc.createElement('div');
      host.id = `tifa-tooltip-${++hostCounter}`;
      host.setAttribute('data-tifa-tooltip-host', '');
      host.setAttribute('data-tifa-skip', '');
      host.setAttribute('data-theme', theme);
      host.setAttribute('role', 'tooltip');
      // In the top layer (a manual popover), position:fixed is relative to the viewport even
      // when the host page's <body> or <html> has a transform, filter or containment, which
      // would otherwise become the tooltip's containing block.
      if (typeof host.showPopover === 'function') host.setAttribute('popover', 'manual');
      shadow = host.attachShadow({ mode: 'open' });
      try {
        shadow.adoptedStyleSheets = sheetsFor(doc);
      } catch {
        // Very old engines without constructable stylesheets: a <style> in the shadow root
        // (may be refused by a strict style-src CSP; the tooltip still works, unstyled).
        const st = doc.createElement('style');
        st.textContent = CARD_CSS + TOOLTIP_CSS;
        shadow.append(st);
      }
      panel = doc.createElement('div');
      panel.className = 'tifa-tip';
      panel.setAttribute('part', 'tooltip');
      panel.tabIndex = -1;
      const bar = doc.createElement('div');
      bar.className = 'tifa-tip-bar';
      backBtn = button('← Back', 'Back to the previous term', () => back());
      pinBtn = button('Pin', 'Pin this explanation open', () => (pinned ? unpin() : pin(false)));
      pinBtn.setAttribute('aria-pressed', 'false');
      closeBtn = button('✕', 'Close', () => close(true));
      bar.append(backBtn, pinBtn, closeBtn);
      body = doc.createElement('div');
      body.className = 'tifa-tip-body';
      hint = doc.createElement('p');
      hint.className = 'tifa-tip-hint';
      hint.textContent = 'Press Enter to pin and explore, Escape to close.';
      panel.append(bar, body, hint);
      shadow.append(panel);
      panel.addEventListener('keydown', onPanelKeyDown);
      panel.addEventListener('focusout', onPanelFocusOut);
      panel.addEventListener('pointerenter', () => clearTimeout(closeTimer));
      panel.addEventListener('pointerleave', (ev) => { if (ev.pointerType !== 'touch') scheduleClose(); });
    }
    // aria-describedby only works inside one tree: keep the host in the highlight's tree.
    const tree = mark.getRootNode();
    const parent = tree && tree.nodeType === 11 ? tree : (doc.body || doc.documentElement);
    if (host.parentNode !== parent) parent.append(host);
    if (!desc) {
      desc = doc.createElement('span');
      desc.id = `${host.id}-description`;
      desc.hidden = true;
      desc.setAttribute('data-tifa-skip', '');
    }
    if (desc.parentNode !== parent) parent.append(desc);
    return host;
  }

  function button(text, label, onClick) {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = text;
    // A symbol gets an accessible name; a word keeps its visible text as its name (WCAG 2.5.3).
    if (/\w/.test(text)) b.title = label; else b.setAttribute('aria-label', label);
    b.addEventListener('click', (ev) => { ev.stopPropagation(); onClick(); });
    return b;
  }

  function findMark(ev) {
    const path = typeof ev.composedPath === 'function' ? ev.composedPath() : [ev.target];
    for (const n of path) {
      if (n === host) return null; // inside our own tooltip
      if (n && n.nodeType === 1 && n.hasAttribute('data-tifa-term')) return n;
      if (n === root) break;
    }
    return null;
  }
  const inTooltip = (ev) => host != null && typeof ev.composedPath === 'function' && ev.composedPath().includes(host);

  let shown = null; // the card on screen: { id, match }
  function render(id, match) {
    shown = { id, match };
    body.replaceChildren(renderCard(doc, getEntry(id), match, { getEntry, onNavigate: navigate, headingLevel: 2, termUrl, reportUrl }));
    backBtn.hidden = history.length === 0;
  }

  /** Draws the open card again from `getEntry` (the caller's entries changed: the card part
   * arrived after the tooltip opened). Focus inside the card moves to its first control. */
  function refresh() {
    if (!host || !host.hasAttribute('data-open') || !shown) return;
    const focused = shadow && shadow.activeElement && body.contains(shadow.activeElement);
    render(shown.id, shown.match);
    // The whole card is taller than the one drawn before: a bottom sheet grows upward, and must
    // still not cover its term.
    if (current && panel && panel.classList.contains('sheet')) keepAboveSheet(current);
    if (focused) (body.querySelector('button, a[href]') || closeBtn).focus();
  }

  function open(mark, { pinIt = false, focus = false } = {}) {
    clearTimeout(openTimer); clearTimeout(closeTimer);
    if (current && current !== mark) detachFrom(current);
    ensureHost(mark);
    if (current !== mark) {
      history = [];
      current = mark;
      render(mark.getAttribute('data-tifa-term'), matchFromElement(mark, mark.getRootNode()));
    }
    if (theme === 'auto') host.setAttribute('data-theme', pageTheme(mark));
    host.setAttribute('data-open', '');
    showInTopLayer(true);
    desc.textContent = shortDescription(mark);
    const ids = (mark.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (!ids.includes(desc.id)) mark.setAttribute('aria-describedby', [...ids, desc.id].join(' '));
    setPinned(pinIt || pinned);
    watchRemoval(true);
    position();
    if (pinIt && focus) focusInto();
  }

  /**
   * A card whose highlight is gone (its text edited away, the page re-rendered, the host
   * removed it) closes (issue 11, item 4). One observer, only while a card is open; its
   * callback only asks whether the highlight is still in the document.
   */
  let removalObserver = null;
  function watchRemoval(on) {
    if (!on) { removalObserver?.disconnect(); return; }
    if (!removalObserver && typeof win.MutationObserver === 'function') {
      removalObserver = new win.MutationObserver(() => {
        if (current && !current.isConnected) {
          // Focus was in the card, or on the highlight itself (then the browser dropped it to <body>).
          const lost = !doc.activeElement || doc.activeElement === doc.body;
          const focusWasInside = shadow.activeElement != null || (lost && focusedMark === current);
          close(false, true);
          // Focus would be lost with the card: it goes to the highlights' container.
          if (focusWasInside && root.nodeType === 1 && root.isConnected) {
            if (!root.hasAttribute('tabindex')) root.setAttribute('tabindex', '-1');
            root.focus({ preventScroll: true });
          }
        }
      });
    }
    const target = root.nodeType === 11 ? root : (root.nodeType === 9 ? root.documentElement : root);
    removalObserver?.observe(target, { childList: true, subtree: true });
  }

  /**
   * The pinned card is a non-modal dialog that belongs right after its highlight: Tab past its
   * last control, or Shift+Tab before its first, closes it and puts focus back on the highlight,
   * from where Tab goes on through the page (issue 11, item 4). Without this, focus fell to the
   * end of the document (the host is the body's last child) and the card stayed open.
   */
  function onPanelKeyDown(ev) {
    if (ev.key !== 'Tab' || !current) return;
    const items = [...panel.querySelectorAll('button, a[href], [tabindex="0"]')].filter((b) => !b.hidden && b.offsetParent !== null);
    if (!items.length) return;
    const at = shadow.activeElement;
    const leaving = ev.shiftKey ? (at === items[0] || at === panel) : at === items[items.length - 1];
    if (!leaving) return;
    ev.preventDefault();
    close(true);
  }
  /** Focus leaving the card for something other than its highlight closes it. */
  function onPanelFocusOut(ev) {
    const to = ev.relatedTarget;
    if (!current || !to) return; // the window lost focus: keep the card
    if (to === host || host.contains(to) || shadow.contains(to) || to === current) return;
    close(false, true);
  }

  function setPinned(on) {
    pinned = on;
    if (!host) return;
    pinBtn.setAttribute('aria-pressed', String(on));
    pinBtn.textContent = on ? 'Unpin' : 'Pin';
    closeBtn.hidden = false;
    hint.hidden = on || lastPointerType === 'touch';
    if (on) {
      host.setAttribute('role', 'dialog');
      host.setAttribute('aria-modal', 'false');
      const e = current && getEntry(current.getAttribute('data-tifa-term'));
      host.setAttribute('aria-label', e ? `${e.en} (${e.zh}): tifa explanation` : 'tifa explanation');
    } else {
      host.setAttribute('role', 'tooltip');
      host.removeAttribute('aria-modal');
      host.removeAttribute('aria-label');
    }
  }

  function pin(focus) { if (current) { setPinned(true); if (focus) focusInto(); } }
  function unpin() { setPinned(false); }
  function focusInto() {
    whenShown(() => {
      const first = body.querySelector('button') || closeBtn;
      (first || panel).focus({ preventScroll: true });
    });
  }

  function navigate(id) {
    if (!current) return;
    history.push(body.firstChild && body.firstChild.getAttribute ? body.firstChild.getAttribute('data-tifa-entry') : null);
    setPinned(true);
    render(id, {});
    position();
    whenShown(() => (body.querySelector('button.tifa-card-link') || backBtn).focus({ preventScroll: true }));
    if (typeof onNavigate === 'function') {
      try { onNavigate(id); } catch (err) { win.console.error(err); }
    }
  }
  function back() {
    if (!current || history.length === 0) return;
    const prev = history.pop();
    if (history.length === 0 || !prev) {
      history = [];
      render(current.getAttribute('data-tifa-term'), matchFromElement(current, current.getRootNode()));
    } else render(prev, {});
    position();
    whenShown(() => (backBtn.hidden ? closeBtn : backBtn).focus({ preventScroll: true }));
  }

  function detachFrom(mark) {
    const ids = (mark.getAttribute('aria-describedby') || '').split(/\s+/).filter((x) => x && x !== host?.id && x !== desc?.id);
    if (ids.length) mark.setAttribute('aria-describedby', ids.join(' '));
    else mark.removeAttribute('aria-describedby');
  }

  /**
   * 'dark' or 'light' for the `auto` theme, from the background the highlight is drawn on
   * (the nearest ancestor with a background colour), not the operating system's setting: a
   * light news page in a dark OS keeps light cards (issue 11, item 8). Falls back to the
   * colour scheme when no ancestor has a background.
   */
  function pageTheme(mark) {
    // From the highlight's parent: a <mark> may have a background of its own.
    const up = (el) => el.parentElement || (el.getRootNode && el.getRootNode().host) || null;
    for (let el = up(mark); el; ) {
      const bg = win.getComputedStyle(el).backgroundColor;
      const m = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[,/ ]+([\d.]+%?))?/.exec(bg || '');
      const alpha = m && m[4] !== undefined ? (m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4])) : 1;
      if (m && alpha > 0.5) {
        const lin = (v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        const lum = 0.2126 * lin(+m[1]) + 0.7152 * lin(+m[2]) + 0.0722 * lin(+m[3]);
        return lum < 0.18 ? 'dark' : 'light';
      }
      el = up(el);
    }
    return win.matchMedia && win.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  /** "Two Upholds (两个维护), Leadership. Press Enter for the explanation." */
  function shortDescription(mark) {
    const e = getEntry(mark.getAttribute('data-tifa-term'));
    const how = lastPointerType === 'touch' ? 'Tap' : 'Press Enter';
    if (!e) return `${how} for the explanation.`;
    const cat = CATEGORY_LABELS[e.category] || e.category || '';
    return `${e.en} (${e.zh})${cat ? `, ${cat}` : ''}. ${how} for the explanation.`;
  }

  /** Puts the host in the top layer (or takes it out), where the browser supports popovers. */
  function showInTopLayer(on) {
    if (!host || !host.hasAttribute('popover')) return;
    try {
      const open = host.matches(':popover-open');
      if (on && !open) host.showPopover();
      else if (!on && open) host.hidePopover();
    } catch { /* not connected, or the host page removed it: fixed positioning still works */ }
  }

  /**
   * Closes the tooltip; `restoreFocus` moves focus back to the highlight, as does focus having
   * been inside the card, unless `leaveFocus` (focus is already on its way elsewhere).
   */
  function close(restoreFocus = false, leaveFocus = false) {
    clearTimeout(openTimer); clearTimeout(closeTimer);
    if (!current) return;
    const mark = current;
    const focusWasInside = !leaveFocus && host && (shadow.activeElement != null || doc.activeElement === host);
    detachFrom(mark);
    current = null;
    history = [];
    setPinned(false);
    watchRemoval(false);
    if (cleanupAuto) { cleanupAuto(); cleanupAuto = null; }
    host.removeAttribute('data-open');
    showInTopLayer(false);
    onShown = [];
    body.replaceChildren();
    if ((restoreFocus || focusWasInside) && mark.isConnected) {
      suppressFocusOpen = mark;
      mark.focus({ preventScroll: true });
    }
  }

  function scheduleOpen(mark) {
    clearTimeout(openTimer); clearTimeout(closeTimer);
    if (pinned && current && current !== mark) return; // a pinned tooltip is not replaced by hover
    openTimer = win.setTimeout(() => open(mark), openDelay);
  }
  function scheduleClose() {
    clearTimeout(openTimer);
    if (pinned || !current) return;
    clearTimeout(closeTimer);
    closeTimer = win.setTimeout(() => { if (!pinned) close(false); }, closeDelay);
  }

  // Positioning ------------------------------------------------------------------------------
  const sheetQuery = win.matchMedia ? win.matchMedia('(max-width: 599.98px)') : null;
  let onShown = []; // callbacks waiting for the panel to be visible (focus cannot enter a hidden one)
  /**
   * A bottom sheet must not cover the term it explains (issue 11, item 3): scroll the term above
   * the sheet, and where the page cannot scroll that far (its last lines), make the sheet
   * shorter, down to a third of the screen.
   */
  function keepAboveSheet(mark) {
    const gap = 12;
    const r = mark.getBoundingClientRect();
    const top = panel.getBoundingClientRect().top;
    if (r.bottom + gap <= top) return;
    win.scrollBy({ top: r.bottom + gap - top, behavior: 'instant' });
    const after = mark.getBoundingClientRect();
    if (after.bottom + gap > panel.getBoundingClientRect().top) {
      const room = Math.max(win.innerHeight / 3, win.innerHeight - after.bottom - gap);
      panel.style.maxHeight = `${Math.round(room)}px`;
    }
  }

  function reveal() {
    panel.style.visibility = '';
    const fns = onShown; onShown = [];
    for (const fn of fns) fn();
  }
  function whenShown(fn) {
    if (panel.style.visibility === 'hidden') onShown.push(fn); else fn();
  }
  function position() {
    if (!current || !panel) return;
    if (sheetQuery && sheetQuery.matches) {
      panel.classList.add('sheet');
      panel.style.removeProperty('left'); panel.style.removeProperty('top');
      panel.style.removeProperty('max-height');
      if (cleanupAuto) { cleanupAuto(); cleanupAuto = null; }
      reveal();
      keepAboveSheet(current);
      return;
    }
    panel.classList.remove('sheet');
    const mark = current;
    // Place it under the highlight at once, but keep it invisible until floating-ui has
    // computed the real place (no jump); without floating-ui the simple place stays.
    fallbackPosition(mark);
    panel.style.visibility = 'hidden';
    loadFloatingUi().then((fui) => {
      if (!fui || current !== mark || (sheetQuery && sheetQuery.matches)) { reveal(); return; }
      if (cleanupAuto) cleanupAuto();
      const { computePosition, autoUpdate, offset, flip, shift, inline, size } = fui;
      const middleware = [inline(pointerX != null ? { x: pointerX, y: pointerY } : {}), offset(6), flip({ padding: 8 }), shift({ padding: 8 }),
        size({ padding: 8, apply({ availableHeight }) { panel.style.maxHeight = `${Math.max(120, Math.min(availableHeight, 512))}px`; } })];
      const update = () => {
        if (current !== mark) return;
        computePosition(mark, panel, { strategy: 'fixed', placement: 'bottom-start', middleware }).then(({ x, y }) => {
          if (current !== mark) return;
          panel.style.left = `${Math.round(x)}px`;
          panel.style.top = `${Math.round(y)}px`;
          reveal();
        }, reveal);
      };
      cleanupAuto = autoUpdate(mark, panel, update);
    });
  }
  function fallbackPosition(mark) {
    const r = mark.getBoundingClientRect();
    const w = Math.min(panel.offsetWidth || 320, win.innerWidth - 16);
    panel.style.left = `${Math.round(Math.max(8, Math.min(r.left, win.innerWidth - w - 8)))}px`;
    panel.style.top = `${Math.round(r.bottom + 6)}px`;
  }
  const onMedia = () => position();
  sheetQuery?.addEventListener?.('change', onMedia);

  // Delegated listeners --------------------------------------------------------------------
  const onPointerOver = (ev) => {
    lastPointerType = ev.pointerType || 'mouse';
    if (ev.pointerType === 'touch') return;
    if (inTooltip(ev)) { clearTimeout(closeTimer); return; }
    const mark = findMark(ev);
    pointerX = ev.clientX; pointerY = ev.clientY;
    if (mark) {
      if (mark === current) clearTimeout(closeTimer);
      else scheduleOpen(mark);
    }
  };
  const onPointerOut = (ev) => {
    if (ev.pointerType === 'touch') return;
    const mark = findMark(ev);
    if (!mark) { if (!current || pinned) clearTimeout(openTimer); return; }
    const to = ev.relatedTarget;
    if (to && (to === host || (mark.contains && mark.contains(to)))) return;
    clearTimeout(openTimer);
    if (mark === current) scheduleClose();
  };
  let focusedMark = null; // the highlight that last had focus (kept when focus is simply dropped)
  const onFocusIn = (ev) => {
    if (inTooltip(ev)) { clearTimeout(closeTimer); return; }
    const mark = findMark(ev);
    focusedMark = mark;
    if (!mark) return;
    if (suppressFocusOpen === mark) { suppressFocusOpen = null; return; }
    if (pinned && current && current !== mark) return;
    if (lastPointerType === 'touch') return; // a tap opens via click
    pointerX = null; pointerY = null;
    open(mark);
  };
  const onFocusOut = (ev) => {
    const mark = findMark(ev);
    if (ev.relatedTarget) focusedMark = null;
    if (mark && mark === suppressFocusOpen) suppressFocusOpen = null;
    if (!current || pinned) return;
    const to = ev.relatedTarget;
    if (to === host || (to && host && host.contains(to))) return;
    if (mark === current || inTooltip(ev)) scheduleClose();
  };
  const onPointerDown = (ev) => {
    lastPointerType = ev.pointerType || 'mouse';
    if (!current || inTooltip(ev)) return;
    const mark = findMark(ev);
    if (mark) return;
    close(false); // a tap or click outside closes, pinned or not
  };
  const onClick = (ev) => {
    if (inTooltip(ev)) return;
    const mark = findMark(ev);
    if (!mark) return;
    pointerX = ev.clientX || null; pointerY = ev.clientY || null;
    if (current === mark && pinned) { close(false); return; }
    open(mark, { pinIt: true, focus: false });
  };
  const onKeyDown = (ev) => {
    if (ev.key === 'Escape' || ev.key === 'Esc') {
      if (!current) return;
      const focusInside = inTooltip(ev) || ev.composedPath?.().includes(current);
      close(pinned || focusInside);
      if (focusInside) { ev.stopPropagation(); }
      return;
    }
    if ((ev.key === 'Enter' || ev.key === ' ') && !inTooltip(ev)) {
      const mark = findMark(ev);
      if (!mark || ev.defaultPrevented) return;
      // Enter inside a host link follows the link; only plain highlights are pinned by Enter/Space.
      if (ev.composedPath().some((n) => n && n.nodeType === 1 && n.matches('a[href], button, summary, label'))) return;
      ev.preventDefault();
      lastPointerType = 'keyboard';
      if (current === mark && pinned) focusInto();
      else open(mark, { pinIt: true, focus: true });
    }
  };
  const onWindowKeyDown = (ev) => { if ((ev.key === 'Escape' || ev.key === 'Esc') && current && !root.contains?.(ev.target)) onKeyDown(ev); };

  const listeners = [['pointerover', onPointerOver], ['pointerout', onPointerOut], ['focusin', onFocusIn], ['focusout', onFocusOut],
    ['click', onClick], ['keydown', onKeyDown]];
  for (const [type, fn] of listeners) root.addEventListener(type, fn);
  // The tooltips arrive after the first highlight: a pointer already resting on a term then gets
  // no pointerover for it, so that term opens as if the pointer had just moved there.
  const resting = [...(root.querySelectorAll?.('[data-tifa-term]:hover') ?? [])].pop();
  if (resting && lastPointerType !== 'touch') scheduleOpen(resting);
  // A press anywhere outside closes; Escape also closes when focus is elsewhere on the page
  // (WCAG 1.4.13 "dismissible").
  doc.addEventListener('pointerdown', onPointerDown, true);
  if (root !== doc) doc.addEventListener('keydown', onWindowKeyDown);

  return {
    close: () => close(false),
    refresh,
    destroy() {
      close(false);
      for (const [type, fn] of listeners) root.removeEventListener(type, fn);
      doc.removeEventListener('pointerdown', onPointerDown, true);
      if (root !== doc) doc.removeEventListener('keydown', onWindowKeyDown);
      sheetQuery?.removeEventListener?.('change', onMedia);
      host?.remove();
      desc?.remove();
      host = null;
      desc = null;
    },
    get host() { return host; },
    get current() { return current; },
    get pinned() { return pinned; },
  };
}
