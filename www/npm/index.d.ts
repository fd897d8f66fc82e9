// Types for tifa-embed. The engine's own types (Tifa, Entry, Report…) are in ./pkg/tifa.d.ts.
import type { Tifa, Entry, Report, Match } from './pkg/tifa.js';
export type { Tifa, Entry, Report, Match };

export type Category =
  | 'ideology' | 'leadership' | 'party-building' | 'discipline' | 'economy' | 'governance'
  | 'security-foreign' | 'regions-religion' | 'propaganda' | 'institutions' | 'local' | 'history';
export type Theme = 'auto' | 'light' | 'dark';

export interface HighlightOptions {
  /** Only these categories (default: all). Unknown names are warned about and ignored. */
  categories?: Category[] | string;
  /** Highlight only the first occurrence of each term (default false). */
  firstOnly?: boolean;
  /** A CSS selector for more content to leave alone (on top of code, forms, [data-tifa-skip]…). */
  exclude?: string;
  /** URL of a custom dictionary (TOML, same format as the built-in one), added to the built-in one. */
  dictionaryUrl?: string;
  /** Tooltip and highlight colours (default 'auto': follows prefers-color-scheme). */
  theme?: Theme;
  /** URL of the directory that holds pkg/ (default: next to embed.js). */
  base?: string;
  /** Keep highlighting content added later (default true). */
  observe?: boolean;
  /** How much context short, ambiguous forms need; default "default". */
  sensitivity?: 'strict' | 'default' | 'all';
  /** Attach the tooltips (default true). */
  tooltips?: boolean;
}

export interface HighlightHandle {
  readonly root: Element | Element[];
  /** Occurrences highlighted (a match split by inline tags counts once). */
  readonly count: number;
  /** <mark> elements added (one per text-node piece). */
  readonly marks: number;
  /** Occurrences per entry id. */
  readonly terms: Record<string, number>;
  /** The longest single task of script work so far, in ms. */
  readonly longestTaskMs: number;
  /** Stop watching for added content; the highlights stay. */
  disconnect(): void;
  /** Remove the highlights (same as unhighlight(root)); returns the occurrences removed. */
  unhighlight(): number;
}

export declare const CATEGORIES: readonly Category[];
export declare const THEMES: readonly Theme[];
export declare const CSP_FIX: string;

/** Highlights tifa terms under root and attaches the tooltips. Rejects with TifaLoadError when the engine cannot load. */
export declare function highlight(root?: Element | Document | ShadowRoot | string, options?: HighlightOptions): Promise<HighlightHandle>;
/** Removes what highlight added under root and stops observing it. Returns the occurrences removed. */
export declare function unhighlight(root?: Element | Document | ShadowRoot | string): number;
/** Stops observing root for added content, keeping the highlights. */
export declare function disconnect(root?: Element | Document | ShadowRoot): void;
/** Highlights root if it is not highlighted, else removes the highlights. */
export declare function toggle(root?: Element | Document, options?: HighlightOptions): Promise<HighlightHandle | { removed: number }>;
/** The script-tag run, or null. */
export declare const ready: Promise<HighlightHandle | null>;
export declare function normalizeOptions(options?: Record<string, unknown>, warn?: (message: string) => void): Required<HighlightOptions> & { categories: Category[] | null };

export declare class TifaLoadError extends Error {
  readonly code: 'unsupported' | 'not-found' | 'network' | 'csp' | 'init' | 'dictionary';
  readonly fix: string;
}

/** <tifa-text categories first exclude dictionary theme base observe sensitivity>: highlights its own content. */
export declare class TifaText extends HTMLElement {
  ready: Promise<HighlightHandle | null>;
}
declare global {
  interface HTMLElementTagNameMap { 'tifa-text': TifaText; }
}

// ./engine
export declare const DEFAULT_BASE: string;
/** The scripts of the built-in dictionary's match parts. */
export type Script = 'en' | 'zh' | 'mt';
export declare const SCRIPTS: readonly Script[];
/** The files of the compiled dictionary in `pkg/`: the base part, the 'en', 'zh' and 'mt' parts, the card part. */
export declare const PART_FILES: readonly string[];
/** `module`: 'tifa' (default), or 'tifa_embed' (what the embed uses: no analyze, spans or entries; smaller).
 * `scripts`: the forms of the built-in dictionary to load: 'en' (English), 'zh' (Chinese), 'mt' (English machine-translation renderings); default all three. */
export declare function loadTifa(options?: { base?: string | URL; dictionaryUrl?: string | URL; dictionary?: string; dictionaryName?: string; only?: boolean; module?: 'tifa' | 'tifa_embed'; scripts?: Script[] }): Promise<Tifa>;
/** The scripts whose forms `text` can hold: 'en' for a Latin letter, 'zh' for a Han character. */
export declare function scriptsOf(text: string, among?: readonly Script[]): Script[];
/** The scripts `text` needs that `tifa` has no forms for. */
export declare function missingScripts(tifa: Tifa, text: string): Script[];
/** The scripts `tifa`'s forms are of. */
export declare function scriptsIn(tifa: Tifa): Script[];
/** The engine with `tifa`'s dictionary and the forms of `scripts` too (fetching only the parts it lacks). */
export declare function withScripts(tifa: Tifa, scripts: Script[]): Promise<Tifa>;
/** Calls `visit` with each text node's data the embed would read under `root`, until it returns true. */
export declare function eachText(root: Element | Document | ShadowRoot, exclude: string | undefined, visit: (data: string) => boolean): void;

// ./card
export interface MatchInfo { id?: string; form?: string; kind?: string; context?: string; nested?: string[]; text?: string; occurrence?: string }
export declare function renderCard(doc: Document, entry: Entry | undefined, match?: MatchInfo,
  options?: { getEntry?: (id: string) => Entry | undefined; onNavigate?: (id: string) => void; headingLevel?: number }): HTMLElement;
export declare function matchFromElement(el: Element, scope?: Document | Element | ShadowRoot): MatchInfo;
export declare function describeForm(entry: Entry, match?: MatchInfo): string;
export declare const CARD_CSS: string;

// ./tooltip
export interface TooltipController { close(): void; destroy(): void; readonly host: HTMLElement | null; readonly current: Element | null; readonly pinned: boolean }
export declare function attachTooltips(root: Document | Element | ShadowRoot,
  options: { getEntry: (id: string) => Entry | undefined; onNavigate?: (id: string) => void; theme?: Theme; openDelay?: number; closeDelay?: number }): TooltipController;

// ./highlight
export declare const SKIP_SELECTOR: string;
export declare function highlightTree(root: Element | Document | ShadowRoot, engine: Pick<Tifa, 'analyze'>, options?: HighlightOptions & { budgetMs?: number; batchChars?: number; debounceMs?: number }): Promise<{ root: Element; count: number; marks: number; terms: Record<string, number>; longestTaskMs: number; disconnect(): void }>;
/** Matches a highlighted root again with `engine` (more forms) and highlights again the blocks whose matches change. */
export declare function refreshTree(root: Element | Document | ShadowRoot, engine: Tifa): Promise<{ root: Element; count: number; marks: number; terms: Record<string, number>; longestTaskMs: number; disconnect(): void } | null>;
/** The engine the session of `root` matches with now, or null. */
export declare function engineOf(root: Element | Document | ShadowRoot): Tifa | null;
export declare function unhighlightTree(root: Element | Document | ShadowRoot): number;
