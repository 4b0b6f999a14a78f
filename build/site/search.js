/* alkkg site search: filters the index loaded by search-index.js (no framework, works from file://). */
(function () {
  "use strict";
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  if (!input || !list) { return; }
  var root = input.getAttribute("data-root") || "";
  var index = window.ALKKG_SEARCH || [];
  function norm(text) { return String(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""); }
  var entries = index.map(function (entry) {
    return { entry: entry, keys: [entry.label].concat(entry.synonyms || []).map(norm) };
  });
  function find(query) {
    var q = norm(query), hits = [];
    if (!q) { return hits; }
    entries.forEach(function (item) {
      var best = -1, via = "";
      item.keys.forEach(function (key, i) {
        var at = key.indexOf(q);
        if (at < 0) { return; }
        var score = (key === q ? 0 : at === 0 ? 2 : 4) + (i === 0 ? 0 : 1);
        if (best < 0 || score < best) { best = score; via = i === 0 ? "" : item.entry.synonyms[i - 1]; }
      });
      if (best >= 0) { hits.push({ score: best, entry: item.entry, via: via }); }
    });
    hits.sort(function (a, b) {
      return a.score - b.score || (a.entry.label < b.entry.label ? -1 : a.entry.label > b.entry.label ? 1 : 0);
    });
    return hits.slice(0, 40);
  }
  function show() {
    var hits = find(input.value);
    list.textContent = "";
    hits.forEach(function (hit) {
      var li = document.createElement("li"), a = document.createElement("a"), note = document.createElement("span");
      a.href = root + hit.entry.path;
      a.textContent = hit.entry.label;
      note.className = "kind";
      note.textContent = " " + hit.entry.kind + (hit.via ? " \u00b7 " + hit.via : "");
      li.appendChild(a);
      li.appendChild(note);
      list.appendChild(li);
    });
    if (!hits.length && norm(input.value)) {
      var none = document.createElement("li");
      none.textContent = "No match.";
      list.appendChild(none);
    }
  }
  input.addEventListener("input", show);
  if (input.form) {
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) { window.location.href = first.href; }
    });
  }
  show();
})();
