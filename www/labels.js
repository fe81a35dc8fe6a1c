// The widget's own words in the article's language. English is built in (and the fallback);
// other languages' words are modules in labels/, loaded when needed: a page downloads only its
// own. Adding a language is one module and one line in MORE; `dir` follows from the tag.

const en = {
  name: "English",
  article: "Article",
  quotes: "Quotes",
  view: "View",
  expand: "Expand all",
  collapse: "Collapse all",
  actors: "Who is in the story",
  relations: "Who appears together",
  related: "Read also",
  mentions: (n) => (n === 1 ? "1 mention" : `${n} mentions`),
  quoteCount: (n) => (n === 1 ? "1 quote" : `${n} quotes`),
  minutes: (n) => `${n} min read`,
  speaker: "Speaker",
  unknown: "Unknown speaker",
  showAll: (n) => `Show all ${n}`,
  showFewer: "Show fewer",
  kinds: { person: "Person", country: "Country", organization: "Organisation", place: "Place", group: "Group" },
  direct: "Direct quote",
  partial: "Partial quote",
  goTo: "Show in article",
  noQuotes: "No quotes found.",
  noActors: "No people, places or organisations found.",
  loading: "Reading the article…",
  failed: (why) => `The analysis could not run (${why}). Showing the plain text.`,
  unreadable: (why) => `The article could not be loaded (${why}).`,
  selected: (name, n) => `${name}: ${n} mentions highlighted`,
  cleared: "Highlight cleared",
  together: (a, b, n) => `${a} and ${b} in ${n} sentences`,
};

// Each language's script (a text in it loads the words early: prefetchLabels) and module.
const MORE = {
  hi: [/\p{Script=Devanagari}/u, () => import("./labels/hi.js")],
  ur: [/\p{Script=Arabic}/u, () => import("./labels/ur.js")],
};
const loaded = { en };
const loading = {};

// Scripts written right to left (BCP 47 primary subtags).
const RTL = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"]);

/** The primary subtag of a BCP 47 tag, lower-cased ("hi-IN" → "hi"). */
const primary = (tag) => String(tag || "").toLowerCase().split(/[-_]/)[0];

/** The labels for a language tag, if loaded (see loadLabels); English otherwise. */
export const labelsFor = (tag) => loaded[primary(tag)] || en;

/** Loads the labels for a language tag (English when it has none, or they fail to load). */
export async function loadLabels(tag) {
  const lang = primary(tag);
  if (!loaded[lang] && MORE[lang]) {
    loading[lang] ??= MORE[lang][1]().then(
      (module) => (loaded[lang] = module.default),
      () => delete loading[lang], // tried again with the next article
    );
    await loading[lang];
  }
  return labelsFor(tag);
}

/** Starts loading the labels a text is likely to need, judged by the script of its start. */
export function prefetchLabels(text) {
  for (const lang of scriptLangs(text)) loadLabels(lang);
}

/** A guess before the parse: the first language with labels whose script the start of `text` is in. */
export const scriptLang = (text) => scriptLangs(text)[0] ?? null;

/** The languages with labels whose script the start of `text` is in. */
const scriptLangs = (text) => {
  const start = text.slice(0, 2000);
  return Object.entries(MORE).filter(([, [script]]) => script.test(start)).map(([lang]) => lang);
};

/** "rtl" or "ltr" for a language tag. */
export const directionOf = (tag) => (RTL.has(primary(tag)) ? "rtl" : "ltr");
