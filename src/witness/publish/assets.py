"""Static assets of the published edition: stylesheet and the client-side search script.

The search script reads ``window.WITNESS_SEARCH`` (set by search-index.js, loaded with a
plain <script src>, so it works from file:// where fetch() is refused) and builds results
with createElement/textContent only: index data is never parsed as HTML.
"""

CSS = """\
:root { --bg: #fdfcf8; --fg: #1b1b1b; --muted: #555; --link: #0b4f8a; --rule: #d6d0c4;
  --head-bg: #2b2118; --head-fg: #fdfcf8; --firm: #1e5631; --hedged: #7a3e00; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 1.0625rem/1.6 Georgia, "Times New Roman", serif; }
a { color: var(--link); }
:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.site-header { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center;
  padding: 0.6rem 1.5rem; background: var(--head-bg); color: var(--head-fg);
  font-family: system-ui, sans-serif; }
.site-header a { color: var(--head-fg); }
.brand { font-weight: bold; font-size: 1.3rem; text-decoration: none; }
.site-header ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; margin: 0; padding: 0; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.25; }
h2 { font-size: 1.3rem; border-bottom: 1px solid var(--rule); margin-top: 2rem; }
.subtitle { font-style: italic; font-size: 1.15rem; margin-top: -0.5rem; }
.byline { font-weight: bold; }
.citation, .source, .meta { color: var(--muted); font-size: 0.92rem; }
.text p { margin: 0 0 0.9rem; }
a.noteref { vertical-align: super; font-size: 0.75em; text-decoration: none; }
a.person { color: inherit; text-decoration: none; border-bottom: 1px dotted var(--link); }
.footnote { font-size: 0.92rem; margin: 0.4rem 0; }
.claims li { margin-bottom: 0.8rem; }
.certainty { font-family: system-ui, sans-serif; font-size: 0.8rem; padding: 0 0.35rem;
  border-radius: 3px; border: 1px solid currentColor; }
.certainty.firm { color: var(--firm); }
.certainty.hedged { color: var(--hedged); }
blockquote.evidence { margin: 0.3rem 0 0 1rem; padding-left: 0.6rem; border-left: 3px solid var(--rule);
  color: #333; font-size: 0.95rem; white-space: pre-line; }
ul.index { padding-left: 1.2rem; }
.site-footer { border-top: 1px solid var(--rule); padding: 1rem 1.5rem; color: var(--muted);
  font-size: 0.85rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
#search-form { display: flex; gap: 0.4rem; }
#q { flex: 1; font: inherit; padding: 0.35rem 0.5rem; }
#results li { margin-bottom: 0.6rem; }
"""

SEARCH_JS = r"""
(function () {
  "use strict";
  var data = window.WITNESS_SEARCH || {docs: [], terms: {}};
  var keys = null;

  function fold(s) {
    return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function tokens(s) {
    return fold(s).split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 1; });
  }
  function postings(term, prefix) {
    if (!prefix) { return data.terms[term] || []; }
    if (keys === null) { keys = Object.keys(data.terms); }
    var seen = {};
    keys.forEach(function (k) {
      if (k.lastIndexOf(term, 0) === 0) {
        data.terms[k].forEach(function (i) { seen[i] = true; });
      }
    });
    return Object.keys(seen).map(Number);
  }
  function search(q) {
    var ts = tokens(q);
    if (!ts.length) { return []; }
    var hits = null;
    ts.forEach(function (t, n) {
      var set = {};
      postings(t, n === ts.length - 1).forEach(function (i) { set[i] = true; });
      hits = hits === null ? set : Object.keys(hits).reduce(function (acc, i) {
        if (set[i]) { acc[i] = true; } return acc; }, {});
    });
    return Object.keys(hits || {}).map(Number).sort(function (a, b) {
      var da = data.docs[a][3] || "9999", db = data.docs[b][3] || "9999";
      return da < db ? -1 : da > db ? 1 : 0;
    });
  }
  function show(q) {
    var list = document.getElementById("results");
    var status = document.getElementById("status");
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var found = search(q);
    status.textContent = q.trim() ? found.length + " document" + (found.length === 1 ? "" : "s") +
      " found" : "";
    found.slice(0, 200).forEach(function (i) {
      var d = data.docs[i];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = d[0];
      a.textContent = d[1] || "(untitled)";
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = " — " + [d[2], d[3]].filter(Boolean).join(", ");
      li.appendChild(meta);
      list.appendChild(li);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("search-form");
    var input = document.getElementById("q");
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) { input.value = params.get("q"); show(input.value); }
    form.addEventListener("submit", function (ev) { ev.preventDefault(); show(input.value); });
    input.addEventListener("input", function () { show(input.value); });
  });
})();
"""
