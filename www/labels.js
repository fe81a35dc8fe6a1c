// The widget's own words, in the article's language (English when the language has no set).
// Adding a language is adding one object here; `dir` follows from the language tag.

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

const hi = {
  name: "हिन्दी",
  article: "लेख",
  quotes: "उद्धरण",
  view: "दृश्य",
  expand: "सभी खोलें",
  collapse: "सभी बंद करें",
  actors: "ख़बर में कौन-कौन",
  relations: "कौन किसके साथ",
  related: "यह भी पढ़ें",
  mentions: (n) => `${n} बार ज़िक्र`,
  quoteCount: (n) => `${n} उद्धरण`,
  minutes: (n) => `${n} मिनट में पढ़ें`,
  speaker: "वक्ता",
  unknown: "वक्ता अज्ञात",
  showAll: (n) => `सभी ${n} दिखाएँ`,
  showFewer: "कम दिखाएँ",
  kinds: { person: "व्यक्ति", country: "देश", organization: "संगठन", place: "स्थान", group: "समूह" },
  direct: "प्रत्यक्ष उद्धरण",
  partial: "आंशिक उद्धरण",
  goTo: "लेख में देखें",
  noQuotes: "कोई उद्धरण नहीं मिला।",
  noActors: "कोई व्यक्ति, स्थान या संगठन नहीं मिला।",
  loading: "लेख पढ़ा जा रहा है…",
  failed: (why) => `विश्लेषण नहीं हो सका (${why})। सादा पाठ दिखाया जा रहा है।`,
  unreadable: (why) => `लेख लोड नहीं हो सका (${why})।`,
  selected: (name, n) => `${name}: ${n} ज़िक्र हाइलाइट किए गए`,
  cleared: "हाइलाइट हटाया गया",
  together: (a, b, n) => `${a} और ${b}: ${n} वाक्यों में साथ`,
};

const ur = {
  name: "اردو",
  article: "مضمون",
  quotes: "اقتباسات",
  view: "منظر",
  expand: "سب کھولیں",
  collapse: "سب بند کریں",
  actors: "خبر میں کون کون",
  relations: "کون کس کے ساتھ",
  related: "یہ بھی پڑھیں",
  mentions: (n) => `${n} بار ذکر`,
  quoteCount: (n) => `${n} اقتباس`,
  minutes: (n) => `${n} منٹ میں پڑھیں`,
  speaker: "مقرر",
  unknown: "نامعلوم مقرر",
  showAll: (n) => `تمام ${n} دکھائیں`,
  showFewer: "کم دکھائیں",
  kinds: { person: "شخص", country: "ملک", organization: "تنظیم", place: "مقام", group: "گروہ" },
  direct: "براہ راست اقتباس",
  partial: "جزوی اقتباس",
  goTo: "مضمون میں دیکھیں",
  noQuotes: "کوئی اقتباس نہیں ملا۔",
  noActors: "کوئی شخص، مقام یا تنظیم نہیں ملی۔",
  loading: "مضمون پڑھا جا رہا ہے…",
  failed: (why) => `تجزیہ نہیں ہو سکا (${why})۔ سادہ متن دکھایا جا رہا ہے۔`,
  unreadable: (why) => `مضمون لوڈ نہیں ہو سکا (${why})۔`,
  selected: (name, n) => `${name}: ${n} ذکر نمایاں`,
  cleared: "نمایاں ختم",
  together: (a, b, n) => `${a} اور ${b}: ${n} جملوں میں ساتھ`,
};

const LABELS = { en, hi, ur };

// Scripts written right to left (BCP 47 primary subtags).
const RTL = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"]);

/** The primary subtag of a BCP 47 tag, lower-cased ("hi-IN" → "hi"). */
const primary = (tag) => String(tag || "").toLowerCase().split(/[-_]/)[0];

/** The labels for a language tag; English when there are none for it. */
export const labelsFor = (tag) => LABELS[primary(tag)] || en;

/** "rtl" or "ltr" for a language tag. */
export const directionOf = (tag) => (RTL.has(primary(tag)) ? "rtl" : "ltr");
