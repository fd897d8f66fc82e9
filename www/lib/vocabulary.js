// Written by scripts/vocabulary.py from src/vocabulary.toml: edit that file, not this one.

/** The categories an entry may have, in the page's order. */
export const CATEGORIES = Object.freeze(["ideology", "leadership", "party-building", "discipline", "economy", "governance", "security-foreign", "regions-religion", "propaganda", "institutions", "local", "history"]);

/** Human labels of the categories. */
export const CATEGORY_LABELS = Object.freeze({
  "ideology": "Ideology",
  "leadership": "Leadership",
  "party-building": "Party building",
  "discipline": "Discipline",
  "economy": "Economy",
  "governance": "Governance",
  "security-foreign": "Security and foreign affairs",
  "regions-religion": "Regions and religion",
  "propaganda": "Propaganda",
  "institutions": "Institutions",
  "local": "Local",
  "history": "History",
});

/** Human labels of the kinds of forms (FORMAT.md, "Forms"). */
export const KIND_LABELS = Object.freeze({
  "official": "an official rendering",
  "media": "a media rendering",
  "mt": "a machine-translation rendering",
  "spelled-out": "a spelled-out form",
});

/** Human labels of the reasons a context-gated form counted ("Counted because …"). */
export const CONTEXT_LABELS = Object.freeze({
  "quoted": "it is in quotation marks",
  "capitalized": "it is capitalized",
  "nearby": "other Party terms are nearby",
  "sentence": "the same sentence holds another Party term",
  "document": "the text holds other Party terms",
  "all": "the sensitivity is set to count every form",
});

/**
 * Highlight colours on other sites and in the standalone export, per theme; `other` is the
 * colour of an unknown category.
 */
export const MARK_COLORS = Object.freeze({
  light: Object.freeze({
    "ideology": "#b71c1c",
    "leadership": "#e65100",
    "party-building": "#bf360c",
    "discipline": "#6a1b9a",
    "economy": "#2e7d32",
    "governance": "#1565c0",
    "security-foreign": "#37474f",
    "regions-religion": "#00838f",
    "propaganda": "#ad1457",
    "institutions": "#5d4037",
    "local": "#558b2f",
    "history": "#795548",
  }),
  dark: Object.freeze({
    "ideology": "#ff8a80",
    "leadership": "#ffb74d",
    "party-building": "#ff8a65",
    "discipline": "#ce93d8",
    "economy": "#81c784",
    "governance": "#64b5f6",
    "security-foreign": "#90a4ae",
    "regions-religion": "#4dd0e1",
    "propaganda": "#f06292",
    "institutions": "#a1887f",
    "local": "#aed581",
    "history": "#ffd54f",
  }),
  other: Object.freeze({ light: "#8a1c1c", dark: "#ff9d8a" }),
});
