"""The fixed parts of the static site: the page frame, the style sheet, the search script, and
the w3id.org redirect rules (``.htaccess``)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from urllib.parse import urljoin

#: where the site is hosted; w3id.org redirects our IRIs there (a placeholder until it is deployed)
SITE_BASE = "https://alkkg.github.io/alkkg/site/"
#: the release files (alkkg.ttl, ...) sit one level above the site, as in build/
RELEASE_BASE = urljoin(SITE_BASE, "../")

NAV = (("index.html", "Home"), ("doc/index.html", "Sources"), ("claim/index.html", "Claims"),
       ("entity/index.html", "Entities"), ("vocab/index.html", "Vocabulary"), ("query/index.html", "Queries"),
       ("diagram/index.html", "Diagram"), ("../docs/index.html", "Ontology reference"))

CSS = """\
:root{--fg:#1d232a;--muted:#5a6570;--bg:#fff;--line:#d5dbe1;--accent:#1b5fa8;--hl:#fff1b8;--hl2:#ffe27a;
--hl3:#ffd23f;--neg:#b3261e;--code:#f3f5f7}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ec;--muted:#a4adb6;--bg:#15191d;--line:#39424b;
--accent:#8ab8ff;--hl:#4a4120;--hl2:#5e5020;--hl3:#77631d;--neg:#ff8a80;--code:#22282e}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{border-bottom:1px solid var(--line);padding-top:.6rem;padding-bottom:.6rem}
nav{display:flex;flex-wrap:wrap;gap:.2rem 1rem}
nav a{white-space:nowrap}
a{color:var(--accent)}
h1{font-size:1.55rem;line-height:1.25;margin:1.2rem 0 .6rem;overflow-wrap:anywhere}
h2{font-size:1.2rem;margin:1.8rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
code,pre{background:var(--code);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
code{padding:0 .2em;overflow-wrap:anywhere}
pre{padding:.6rem;overflow-x:auto;white-space:pre}
.lead{color:var(--muted)}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.4rem 0;min-width:50%}
th,td{text-align:left;vertical-align:top;padding:.25rem .6rem .25rem 0;border-bottom:1px solid var(--line)}
th{font-weight:600;color:var(--muted)}
td{overflow-wrap:break-word;max-width:26rem;min-width:4rem}
dl.facts{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.25rem 1rem;margin:.4rem 0}
dl.facts dt{font-weight:600;color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
@media (max-width:40rem){dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.4rem}}
ul.values{margin:0;padding-left:1.1rem}
.source{white-space:pre-wrap;line-height:1.9;font-size:1.05rem}
.sentence{border-radius:3px}
.sentence:target{outline:2px solid var(--accent)}
a.sn{font-size:.72em;font-weight:700;text-decoration:none;vertical-align:super;margin:0 .15em;color:var(--muted)}
sup.cite{font-size:.72em;color:var(--muted);white-space:nowrap}
a.quote{color:inherit;text-decoration:none;background:var(--hl);border-bottom:2px solid var(--accent)}
a.quote.d2{background:var(--hl2)}
a.quote.d3,a.quote.d4{background:var(--hl3)}
a.quote+a.quote{margin-left:1px}
a.quote:hover,a.quote:focus{outline:2px solid var(--accent)}
mark{background:var(--hl3);color:inherit}
.neg{color:var(--neg);font-weight:600}
.hedged{font-style:italic}
.kind{color:var(--muted);font-size:.85em}
summary{cursor:pointer;color:var(--accent)}
form.search{position:relative;margin-top:.5rem}
form.search input{width:100%;max-width:28rem;font:inherit;padding:.3rem .5rem;border:1px solid var(--line);
border-radius:4px;background:var(--bg);color:var(--fg)}
#search-results{list-style:none;margin:.2rem 0 0;padding:0;max-width:40rem}
#search-results li{padding:.15rem 0}
.diagram{overflow:auto;border:1px solid var(--line);max-height:90vh;width:calc(100vw - 2rem);position:relative;
left:50%;transform:translateX(-50%)}
.diagram svg{display:block}
footer{border-top:1px solid var(--line);margin-top:2.5rem;padding-top:.6rem;padding-bottom:2rem;color:var(--muted);font-size:.9em}
"""

SEARCH_JS = """\
/* alkkg site search: filters the index loaded by search-index.js (no framework, works from file://). */
(function () {
  "use strict";
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  if (!input || !list) { return; }
  var root = input.getAttribute("data-root") || "";
  var index = window.ALKKG_SEARCH || [];
  function norm(text) { return String(text).toLowerCase().replace(/[^\\p{L}\\p{N}]+/gu, ""); }
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
      note.textContent = " " + hit.entry.kind + (hit.via ? " \\u00b7 " + hit.via : "");
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
"""


def page(title: str, body: str, *, root: str, footer: str = "", alternates: Sequence[tuple[str, str, str]] = (),
         canonical: str | None = None) -> str:
    """One HTML5 page of the site. *root* leads from the page to the site root (``../../``);
    *alternates* are ``(media type, href, name)`` of the same resource in other formats."""
    head = ['<!DOCTYPE html>', '<html lang="en">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(title)} \u00b7 alkkg</title>",
            f'<link rel="stylesheet" href="{root}style.css">',
            # no icon file: without this the browser asks every host for /favicon.ico (a 404)
            '<link rel="icon" href="data:,">']
    head += [f'<link rel="alternate" type="{html.escape(kind)}" href="{html.escape(href)}">'
             for kind, href, _ in alternates]
    if canonical:
        head.append(f'<link rel="canonical" href="{html.escape(canonical)}">')
    head += [f'<script src="{root}search-index.js" defer></script>',
             f'<script src="{root}search.js" defer></script>', "</head>"]
    nav = " ".join(f'<a href="{root}{href}">{name}</a>' for href, name in NAV)
    header = ["<body>", "<header>", f'<nav aria-label="site">{nav}</nav>',
              '<form class="search" role="search" action="#">',
              '<label for="search" class="kind">Search entities, terms and claims (names and synonyms)</label><br>',
              f'<input id="search" type="search" autocomplete="off" placeholder="e.g. ceritinib, LDK378, IGF-1R" '
              f'data-root="{root}">', '<ul id="search-results"></ul>', "</form>", "</header>", "<main>"]
    formats = " \u00b7 ".join(f'<a href="{html.escape(href)}">{html.escape(name)}</a>' for _, href, name in alternates)
    tail = ["</main>", "<footer>",
            *([f"<p>{footer}</p>"] if footer else []),
            *([f"<p>This page in other formats: {formats}</p>"] if formats else []),
            f'<p>Data: <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a> \u00b7 '
            f'<a href="{root}../MANIFEST.json">release manifest</a></p>', "</footer>", "</body>", "</html>"]
    return "\n".join(head + header + [body] + tail) + "\n"


def section(title: str, body: str, *, anchor: str | None = None) -> str:
    ident = f' id="{html.escape(anchor)}"' if anchor else ""
    return f"<h2{ident}>{html.escape(title)}</h2>\n{body}"


def facts(rows: Iterable[tuple[str, Sequence[str]]]) -> str:
    """A definition list of ``(html name, [html values])``; rows without values are left out."""
    out = []
    for name, values in rows:
        if not values:
            continue
        shown = values[0] if len(values) == 1 else '<ul class="values">' + "".join(f"<li>{v}</li>" for v in values) + "</ul>"
        out.append(f"<dt>{name}</dt><dd>{shown}</dd>")
    return '<dl class="facts">' + "".join(out) + "</dl>" if out else ""


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A scrollable table; *rows* hold HTML cells."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def items(values: Iterable[str]) -> str:
    shown = list(values)
    return "<ul>" + "".join(f"<li>{v}</li>" for v in shown) + "</ul>" if shown else ""


# ------------------------------------------------------------------------------------ w3id.org rules

#: media type -> file of a page folder, per kind of IRI (the first matching Accept wins; else HTML)
NEGOTIATED = {
    "entity": (("text/turtle", "index.ttl"), ("application/ld\\+json", "index.jsonld")),
    "vocab": (("text/turtle", "index.ttl"), ("application/ld\\+json", "index.jsonld")),
    "claim": (("text/turtle", "index.ttl"), ("application/ld\\+json", "index.jsonld")),
    "doc": (("text/turtle", "index.ttl"), ("application/ld\\+json", "index.jsonld")),
    "np": (("application/trig", "index.trig"), ("text/turtle", "index.ttl"), ("application/ld\\+json", "index.jsonld")),
    "query": (("application/sparql-query", "index.rq"), ("text/turtle", "index.ttl"),
              ("application/ld\\+json", "index.jsonld")),
}
_LOCAL_PATTERN = "([A-Za-z0-9][A-Za-z0-9._~-]*)"
_ONTOLOGY_FILES = (("text/turtle", "alkkg-ontology.ttl"), ("application/rdf\\+xml", "alkkg-ontology.owl"))


def htaccess(release_date: str) -> str:
    """Apache rules for w3id.org/alkkg (the format of github.com/perma-id/w3id.org): each IRI is
    redirected (303 See Other) to its page on the static host, in the format the client accepts."""
    out = ["# w3id.org/alkkg: persistent IRIs of the alkkg knowledge graph.",
           "# Generated by `alkkg build` (build/site/.htaccess); copy it to alkkg/.htaccess in",
           "# https://github.com/perma-id/w3id.org. Targets: the static site at",
           f"# {SITE_BASE} and the release files at {RELEASE_BASE}.",
           "# https://w3id.org/alkkg/<kind>/<name> -> <site>/<kind>/<name>/index.{html,ttl,jsonld}",
           "", "Options +FollowSymLinks", "RewriteEngine on", ""]

    def rules(pattern: str, choices: Iterable[tuple[str, str]], default: str) -> None:
        for accept, target in choices:
            out.append(f"RewriteCond %{{HTTP_ACCEPT}} {accept}")
            out.append(f"RewriteRule {pattern} {target} [R=303,L]")
        out.append(f"RewriteRule {pattern} {default} [R=303,L]")
        out.append("")

    out.append("# the ontology: the current release (Turtle, RDF/XML, or the HTML reference)")
    rules("^ontology/?$", ((a, RELEASE_BASE + f) for a, f in _ONTOLOGY_FILES), RELEASE_BASE + "docs/index.html")
    out.append(f"# this release's version IRI ({release_date})")
    rules(f"^ontology/releases/{release_date}/?$", ((a, RELEASE_BASE + f) for a, f in _ONTOLOGY_FILES),
          RELEASE_BASE + "docs/index.html")
    out.append("# earlier releases: their build/ folder archived under releases/<date>/")
    archive = RELEASE_BASE + "releases/$1/"
    rules("^ontology/releases/([0-9]{4}-[0-9]{2}-[0-9]{2})/?$", ((a, archive + f) for a, f in _ONTOLOGY_FILES),
          archive + "docs/index.html")
    for kind, choices in NEGOTIATED.items():
        out.append(f"# {kind}/: one folder per IRI, and the list of them")
        folder = f"{SITE_BASE}{kind}/$1/"
        rules(f"^{kind}/{_LOCAL_PATTERN}/?$", ((a, folder + f) for a, f in choices), folder + "index.html")
        out.append(f"RewriteRule ^{kind}/?$ {SITE_BASE}{kind}/index.html [R=303,L]")
        out.append("")
    out.append("# the home page")
    out.append(f"RewriteRule ^$ {SITE_BASE}index.html [R=303,L]")
    return "\n".join(out) + "\n"
