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
#results li { margin-bottom: 0.9rem; }
#results .snippet { margin: 0.2rem 0 0; font-size: 0.95rem; color: #333; }
mark { background: #fff0a8; color: inherit; padding: 0; }
.original { font-family: system-ui, sans-serif; font-size: 0.92rem; }
.findings { padding-left: 1.2rem; font-size: 0.95rem; }
.findings li { margin-bottom: 0.6rem; }
.findings code { margin: 0 0.3rem; }
.findings .excerpt { margin: 0.15rem 0 0; color: #333; }
.sev { font-family: system-ui, sans-serif; font-size: 0.72rem; text-transform: uppercase; padding: 0 0.3rem;
  border: 1px solid; border-radius: 3px; }
.sev-error { color: #fff; background: #8b0000; border-color: #8b0000; }
.sev-warning { color: var(--hedged); }
.sev-info { color: var(--muted); }
.suggestion { color: var(--firm); }
table.versions { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
table.versions th, table.versions td { border-bottom: 1px solid var(--rule); padding: 0.3rem 0.4rem; text-align: left; }
tr.current td { font-weight: bold; }
.lede { font-size: 1.1rem; }
.home-search { display: flex; gap: 0.4rem; align-items: center; margin: 1rem 0 1.5rem; flex-wrap: wrap; }
.home-search input { flex: 1; font: inherit; padding: 0.35rem 0.5rem; min-width: 12rem; }
.home-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0 2rem; }
.tally { padding-left: 1.4rem; }
.n { color: var(--muted); font-family: system-ui, sans-serif; font-size: 0.85rem; }
dl.years dt { font-weight: bold; font-family: system-ui, sans-serif; margin-top: 0.4rem; }
dl.years dd { margin: 0 0 0 0.8rem; }
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
  // Snippets: the text of a shown result comes from t/<n>.js, loaded by a <script> element
  // (fetch() is refused on file://); it calls WITNESS_TEXT(n, text) and the snippet is cut there.
  var PAGE = 20, WINDOW = 14;
  var texts = {}, waiting = {}, current = {found: [], shown: 0, terms: []};
  window.WITNESS_TEXT = function (n, text, spelled) {
    texts[n] = {text: text, spelled: spelled || []};
    (waiting[n] || []).forEach(function (fill) { fill(texts[n]); });
    delete waiting[n];
  };
  function withText(n, fill) {
    if (texts[n] !== undefined) { fill(texts[n]); return; }
    if (waiting[n]) { waiting[n].push(fill); return; }
    waiting[n] = [fill];
    var s = document.createElement("script");
    s.src = "t/" + n + ".js";
    document.body.appendChild(s);
  }
  function matches(word, terms) {
    var w = fold(word);
    return terms.some(function (t, k) {
      return w === t || (k === terms.length - 1 && w.lastIndexOf(t, 0) === 0);
    });
  }
  function words(p, text, terms) {
    // Words and the gaps between them, so the snippet keeps the text's own punctuation.
    var parts = text.split(/([\p{L}\p{N}]+)/u);
    for (var j = 0; j < parts.length; j++) {
      var piece = parts[j].replace(/\s+/g, " ");
      if (j % 2 === 1 && matches(piece, terms)) {
        var m = document.createElement("mark");
        m.textContent = piece;
        p.appendChild(m);
      } else {
        p.appendChild(document.createTextNode(piece));
      }
    }
  }
  function snippet(p, doc, terms) {
    var text = doc.text, at = -1, len = 0, re = /[\p{L}\p{N}]+/gu, w;
    while ((w = re.exec(text)) !== null) {
      if (matches(w[0], terms)) { at = w.index; len = w[0].length; break; }
    }
    // No word matched: the document names a person the query names, spelled otherwise.
    doc.spelled.some(function (s) {
      if (at < 0 && tokens(s[2]).some(function (t) { return matches(t, terms); })) {
        at = s[0]; len = s[1] - s[0]; return true;
      }
      return false;
    });
    var found = at >= 0;
    if (!found) { at = 0; len = 0; }
    var from = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 110)));
    var to = text.indexOf(" ", Math.min(text.length, at + len + 110));
    if (to < 0) { to = text.length; }
    if (from > 0) { p.appendChild(document.createTextNode("… ")); }
    words(p, text.slice(from, at), terms);
    var m = document.createElement(found ? "mark" : "span");
    m.textContent = text.slice(at, at + len);
    p.appendChild(m);
    words(p, text.slice(at + len, to), terms);
    if (to < text.length) { p.appendChild(document.createTextNode(" …")); }
  }
  function more() {
    var list = document.getElementById("results");
    var next = current.found.slice(current.shown, current.shown + PAGE);
    next.forEach(function (i) {
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
      var p = document.createElement("p");
      p.className = "snippet";
      li.appendChild(p);
      var terms = current.terms;
      withText(i, function (text) { if (terms === current.terms) { snippet(p, text, terms); } });
      list.appendChild(li);
    });
    current.shown += next.length;
    document.getElementById("more").hidden = current.shown >= current.found.length;
  }
  function show(q) {
    var list = document.getElementById("results");
    var status = document.getElementById("status");
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var found = search(q);
    current = {found: found, shown: 0, terms: tokens(q)};
    status.textContent = q.trim() ? found.length + " document" + (found.length === 1 ? "" : "s") +
      " found" : "";
    more();
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("search-form");
    var input = document.getElementById("q");
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) { input.value = params.get("q"); show(input.value); }
    form.addEventListener("submit", function (ev) { ev.preventDefault(); show(input.value); });
    input.addEventListener("input", function () { show(input.value); });
    document.getElementById("more").addEventListener("click", more);
  });
})();
"""
