// The demo page: choose a sample or paste an article, see the parse time and the Article JSON.
const lens = document.getElementById("lens");
const sample = document.getElementById("sample");
const pasteBox = document.getElementById("paste-box");
const paste = document.getElementById("paste");
const showJson = document.getElementById("show-json");
const jsonBox = document.getElementById("json-box");
const json = document.getElementById("json");
const timing = document.getElementById("timing");

function showArticleJson() {
  jsonBox.hidden = !showJson.checked;
  if (showJson.checked) json.textContent = lens.article ? JSON.stringify(lens.article, null, 2) : "";
}

lens.addEventListener("newslens-parsed", (event) => {
  const article = event.detail;
  const ms = lens.parseTime;
  const parts = [
    ms == null ? null : `Parsed in ${ms < 10 ? ms.toFixed(2) : Math.round(ms)} ms`,
    `${lens.text.length.toLocaleString("en")} characters`,
    `${article.sections.length} sections`,
    `${article.quotes.length} quotes`,
    `${article.actors.length} actors`,
  ];
  timing.textContent = parts.filter(Boolean).join(" · ");
  showArticleJson();
});

sample.addEventListener("change", () => {
  pasteBox.hidden = sample.value !== "";
  if (sample.value) {
    lens.text = null;
    lens.src = sample.value;
  } else {
    paste.focus();
  }
});

document.getElementById("controls").addEventListener("submit", (event) => {
  event.preventDefault();
  if (paste.value.trim()) lens.text = paste.value;
});

showJson.addEventListener("change", showArticleJson);
