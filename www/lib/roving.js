// One tab stop for all the highlights of a text (a roving tabindex, WAI-ARIA APG "Managing
// focus within components"): the current highlight has tabindex 0, every other one -1, so Tab
// enters the text once and leaves it with the next press, however many terms it holds (a 2 MB
// paste has about 16,000). Inside, keys move between terms:
//   n, ArrowRight, ArrowDown  next term          p, ArrowLeft, ArrowUp  previous term
//   Home                      first term         End                   last term
// Pieces of one match (same data-tifa-occurrence) count as one stop.

const MARK = 'mark[data-tifa-term]';

/** The keys this module handles, for `aria-keyshortcuts` and help texts. */
export const ROVING_KEYS = Object.freeze({ next: ['n', 'ArrowRight', 'ArrowDown'], previous: ['p', 'ArrowLeft', 'ArrowUp'], first: ['Home'], last: ['End'] });

/**
 * Makes the highlights under `container` one tab stop with n/p/arrow keys between them.
 * `isSkipped(mark)` says whether a highlight is out of the tab order (e.g. its category is
 * hidden). New highlights should be created with tabindex -1 except the first (or call
 * `refresh()` after rendering); a highlight focused by a click becomes the stop.
 *
 * @example
 *   const roving = rovingHighlights(output, { isSkipped: (m) => hidden.has(m.dataset.category) });
 *   // after (re)rendering or hiding a category:
 *   roving.refresh();
 * @param {Element} container
 * @param {{ isSkipped?: (mark: Element) => boolean }} [options]
 * @returns {{ refresh(): void, move(from: Element, step: 'next'|'previous'|'first'|'last'): Element|null,
 *   readonly stop: Element|null, destroy(): void }}
 */
export function rovingHighlights(container, { isSkipped = () => false } = {}) {
  const doc = container.ownerDocument;
  let stop = null;
  const eligible = (m) => m.isConnected && !isSkipped(m);
  const sameMatch = (a, b) => a && b && a.getAttribute('data-tifa-occurrence') != null
    && a.getAttribute('data-tifa-occurrence') === b.getAttribute('data-tifa-occurrence');

  /** A tree walker over the highlights, in document order. */
  const walker = () => doc.createTreeWalker(container, 1 /* SHOW_ELEMENT */, {
    acceptNode: (n) => (n.matches(MARK) ? 1 /* ACCEPT */ : 3 /* SKIP */),
  });

  function setStop(mark) {
    if (stop === mark) return;
    if (stop) stop.setAttribute('tabindex', '-1');
    stop = mark;
    if (mark) mark.setAttribute('tabindex', '0');
  }

  /** The highlight `step` away from `from` (null: none), skipping pieces of the same match. */
  function find(from, step) {
    if (step === 'last') {
      const all = container.querySelectorAll(MARK);
      let i = all.length - 1;
      while (i >= 0 && !eligible(all[i])) i--;
      while (i > 0 && sameMatch(all[i - 1], all[i])) i--; // the first piece of a split match
      return i >= 0 ? all[i] : null;
    }
    const w = walker();
    w.currentNode = step === 'first' ? container : from;
    const go = () => (step === 'previous' ? w.previousNode() : w.nextNode());
    let n = go();
    while (n && (!eligible(n) || (step !== 'first' && sameMatch(n, from)))) n = go();
    // Going back lands on the last piece of a split match: its first piece is the stop.
    if (n && step === 'previous') {
      for (let p = w.previousNode(); p && sameMatch(p, n); p = w.previousNode()) n = p;
    }
    return n || null;
  }

  /** Moves the stop (and focus) `step` away from `from`; returns the new stop or null. */
  function move(from, step) {
    const to = find(from, step);
    if (!to) return null;
    setStop(to);
    to.focus();
    return to;
  }

  const onKeyDown = (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey || ev.defaultPrevented) return;
    const mark = ev.target && ev.target.closest ? ev.target.closest(MARK) : null;
    if (!mark || !container.contains(mark)) return;
    const key = ev.key.length === 1 ? ev.key.toLowerCase() : ev.key;
    const step = Object.keys(ROVING_KEYS).find((k) => ROVING_KEYS[k].includes(key));
    if (!step) return;
    ev.preventDefault();
    move(mark, step);
  };
  const onFocusIn = (ev) => {
    const mark = ev.target && ev.target.closest ? ev.target.closest(MARK) : null;
    if (mark && container.contains(mark)) setStop(mark);
  };
  container.addEventListener('keydown', onKeyDown);
  container.addEventListener('focusin', onFocusIn);

  return {
    /** Makes sure exactly one eligible highlight is the stop (after rendering or hiding). */
    refresh() {
      if (stop && eligible(stop)) { stop.setAttribute('tabindex', '0'); return; }
      setStop(find(null, 'first'));
    },
    move,
    get stop() { return stop; },
    destroy() {
      container.removeEventListener('keydown', onKeyDown);
      container.removeEventListener('focusin', onFocusIn);
    },
  };
}
