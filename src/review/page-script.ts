/**
 * The review page's script (plain browser JavaScript, no build step). It renders the folder list
 * and one document: page images with boxes, or the text by layout blocks, and the record tree.
 * Kept free of backticks and dollar-brace so it can live in this template literal.
 */
import { GLYPH_ADVANCES } from "./glyph-advances.js";

export const PAGE_SCRIPT =
  `"use strict";\n// Glyph advances (src/review/glyph-advances.ts): a run's width is spread by them.\nvar VANBAN_ADVANCES = ${JSON.stringify(GLYPH_ADVANCES)};\n` +
  String.raw`
(function () {
  var S = { docs: null, reviewer: "", doc: null, docId: -1, selected: -1, zoom: 1, sort: { key: "name", dir: 1 }, rects: [] };
  var $ = function (id) { return document.getElementById(id); };
  var BIG = { section: 1, preamble: 1, unassigned: 1, footnote: 1, table: 1, subject: 1 };

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === "class") e.className = attrs[k];
      else if (k === "color") e.style.setProperty("--c", "var(--" + attrs[k] + ")");
      else e.setAttribute(k, attrs[k]);
    }
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function api(path, body) {
    var init = body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
    return fetch(path, init).then(function (r) {
      return r.json().then(function (j) { if (!r.ok) throw new Error(j.message || r.statusText); return j; });
    });
  }
  function status(text) {
    var s = $("status"); s.textContent = text; s.classList.add("show");
    clearTimeout(status.t); status.t = setTimeout(function () { s.classList.remove("show"); }, 1800);
  }

  // ---- routing: #/ the folder, #/doc/N a document
  function route() {
    var m = /^#\/doc\/(\d+)/.exec(location.hash);
    ensureDocs().then(function () {
      if (m) return openDocument(Number(m[1]));
      if (S.docs.length === 1) { location.replace("#/doc/" + S.docs[0].id); return; }
      showFolder();
    }).catch(function (e) { showError(e.message); });
  }
  function ensureDocs(force) {
    if (S.docs && !force) return Promise.resolve();
    return api("/api/documents").then(function (j) {
      S.docs = j.documents;
      S.reviewer = localStorage.getItem("vanban-reviewer") || j.reviewer;
      $("reviewer").value = S.reviewer;
    });
  }
  function showError(message) {
    $("folder").hidden = true; $("review").hidden = false;
    var d = $("document"); d.textContent = ""; d.appendChild(el("div", { class: "error" }, message));
  }

  // ---- folder view
  function showFolder() {
    $("review").hidden = true; $("folder").hidden = false; $("doc-name").textContent = S.docs.length + " documents";
    var codes = {};
    S.docs.forEach(function (d) { d.warningCodes.forEach(function (c) { codes[c] = (codes[c] || 0) + 1; }); });
    var select = $("code-filter"), keep = select.value;
    select.textContent = ""; select.appendChild(el("option", { value: "" }, "all"));
    Object.keys(codes).sort().forEach(function (c) { select.appendChild(el("option", { value: c }, c + " (" + codes[c] + ")")); });
    select.value = keep;
    renderFolder();
  }
  function renderFolder() {
    var code = $("code-filter").value, name = $("name-filter").value.toLowerCase();
    var rows = S.docs.filter(function (d) {
      return (!code || d.warningCodes.indexOf(code) >= 0) && (!name || d.name.toLowerCase().indexOf(name) >= 0);
    });
    var k = S.sort.key, dir = S.sort.dir;
    rows.sort(function (a, b) {
      var x = a[k], y = b[k];
      if (x === y) return a.name < b.name ? -1 : 1;
      if (x === null) return 1; if (y === null) return -1;
      return (x < y ? -1 : 1) * dir;
    });
    document.querySelectorAll("#folder-table th[data-sort]").forEach(function (th) {
      th.className = th.getAttribute("data-sort") === k ? (dir > 0 ? "asc" : "desc") : "";
    });
    var body = document.querySelector("#folder-table tbody"); body.textContent = "";
    rows.forEach(function (d) {
      var tr = el("tr", { "data-id": d.id });
      var a = el("a", { href: "#/doc/" + d.id }, d.name); var td = el("td"); td.appendChild(a); tr.appendChild(td);
      tr.appendChild(el("td", null, d.error ? "error" : d.format));
      tr.appendChild(el("td", { class: "num" }, d.pages === null ? "" : d.pages));
      tr.appendChild(el("td", { class: "num" }, d.warnings));
      tr.appendChild(el("td", { class: "num" }, d.corrections));
      tr.appendChild(el("td", null, d.error || d.warningCodes.join(", ")));
      body.appendChild(tr);
    });
    $("folder-count").textContent = rows.length + " of " + S.docs.length;
  }

  // ---- one document
  function openDocument(id) {
    $("folder").hidden = true; $("review").hidden = false;
    var info = S.docs.filter(function (d) { return d.id === id; })[0];
    $("doc-name").textContent = info ? info.name : "";
    $("document").textContent = "Reading…";
    return api("/api/documents/" + id).then(function (view) {
      S.docId = id; S.doc = view; S.selected = -1;
      renderDocument(); renderTree(); renderDetails();
    }).catch(function (e) { showError(e.message); });
  }
  function itemsWithSpan() { return S.doc.items.filter(function (i) { return i.span; }); }
  // "ocr" alone only says the text was read from an image: not a reason to stop there with f.
  function isFlagged(item) { return item.flags.some(function (f) { return f !== "ocr"; }) || item.fields.some(function (f) { return f.wrong; }); }

  function renderDocument() {
    var d = $("document"); d.textContent = "";
    if (S.doc.notice) d.appendChild(el("div", { class: "notice" }, S.doc.notice));
    if (S.doc.correctionsProblem) d.appendChild(el("div", { class: "error" }, "The corrections file no longer applies, the record is shown as parsed: " + S.doc.correctionsProblem));
    if (S.doc.view === "pages") renderPages(d); else renderText(d);
    $("zoom-level").textContent = Math.round(S.zoom * 100) + "%";
  }

  function advance(c) {
    var w = VANBAN_ADVANCES[c];
    if (w === undefined) w = VANBAN_ADVANCES[c.normalize("NFD")[0]];
    return w === undefined ? 0.5 : w;
  }
  function widthOf(text, start, end) { var w = 0; for (var i = start; i < end; i++) w += advance(text[i]); return w; }
  // Rectangles of a span on a page, from the server's text runs; one per line. A run's width is
  // spread over its characters by their glyph widths, not evenly.
  function spanRects(span) {
    var out = [], text = S.doc.record.text;
    S.doc.runs.forEach(function (r) {
      if (r.end <= span.start || r.start >= span.end) return;
      var a = Math.max(span.start, r.start), b = Math.min(span.end, r.end), total = widthOf(text, r.start, r.end) || 1;
      var before = widthOf(text, r.start, a), inside = widthOf(text, a, b);
      var rect = { page: r.page, x: r.x + r.w * before / total, y: r.y, w: r.w * inside / total, h: r.h };
      var line = out.filter(function (o) { return o.page === rect.page && Math.abs(o.y - rect.y) < rect.h * 0.5; })[0];
      if (line) {
        var x2 = Math.max(line.x + line.w, rect.x + rect.w); line.x = Math.min(line.x, rect.x); line.w = x2 - line.x;
        var y2 = Math.max(line.y + line.h, rect.y + rect.h); line.y = Math.min(line.y, rect.y); line.h = y2 - line.y;
      } else out.push(rect);
    });
    return out;
  }
  function renderPages(d) {
    var base = Math.min(820, $("document").clientWidth - 34) * S.zoom, scale = Math.min(4, Math.max(1, Math.ceil(2 * S.zoom * (window.devicePixelRatio || 1) / 2)));
    S.pageEls = S.doc.pages.map(function (size, i) {
      var p = el("div", { class: "page", "data-page": i + 1 });
      p.style.width = base + "px"; p.style.aspectRatio = size.width + " / " + size.height;
      var img = el("img", { alt: "page " + (i + 1), src: "/api/documents/" + S.docId + "/pages/" + (i + 1) + ".png?scale=" + Math.max(2, scale) + "&v=" + S.doc.record.source.sha256.slice(0, 12) });
      p.appendChild(img); p.appendChild(el("span", { class: "number" }, i + 1));
      p.addEventListener("click", function (ev) { pickOnPage(i + 1, p, ev); });
      d.appendChild(p); return p;
    });
    drawBoxes();
  }
  // The boxes alone: after a correction the page images stay as they are (no reload, no flicker).
  function drawBoxes() {
    document.querySelectorAll(".page .box").forEach(function (b) { b.remove(); });
    S.rects = [];
    S.doc.items.forEach(function (item, index) {
      if (!item.span) return;
      // A warning's place is drawn only while it is selected; a click on the page never picks it.
      var warning = item.kind === "warning";
      spanRects(item.span).forEach(function (r) {
        var box = el("div", { class: "box" + (warning ? " warning-box" : "") + (BIG[item.kind] ? " big" : "") + (isFlagged(item) && !warning ? " flagged" : ""), color: item.kind, "data-item": index });
        box.style.left = (r.x * 100) + "%"; box.style.top = (r.y * 100) + "%";
        box.style.width = (r.w * 100) + "%"; box.style.height = (r.h * 100) + "%";
        box.title = item.label;
        if (S.pageEls[r.page - 1]) S.pageEls[r.page - 1].appendChild(box);
        if (!warning) S.rects.push({ item: index, page: r.page, r: r });
      });
    });
  }
  function pickOnPage(page, p, ev) {
    var box = p.getBoundingClientRect(), x = (ev.clientX - box.left) / box.width, y = (ev.clientY - box.top) / box.height;
    var best = -1, bestLen = Infinity;
    S.rects.forEach(function (h) {
      if (h.page !== page || x < h.r.x || x > h.r.x + h.r.w || y < h.r.y || y > h.r.y + h.r.h) return;
      var s = S.doc.items[h.item].span, len = s.end - s.start;
      if (len < bestLen) { best = h.item; bestLen = len; }
    });
    if (best >= 0) select(best, false);
  }

  function renderText(d) {
    var view = el("div", { class: "text-view" }); view.style.setProperty("--zoom", S.zoom);
    var text = S.doc.record.text, items = itemsWithSpan();
    S.doc.record.layout.forEach(function (block) {
      var b = el("div", { class: "block", "data-role": block.role });
      if (block.span.page) b.appendChild(el("span", { class: "pageno" }, "p. " + block.span.page));
      var cuts = [block.span.start, block.span.end];
      items.forEach(function (it) {
        [it.span.start, it.span.end].forEach(function (c) { if (c > block.span.start && c < block.span.end) cuts.push(c); });
      });
      cuts = cuts.sort(function (a, b) { return a - b; }).filter(function (c, i, a) { return i === 0 || c !== a[i - 1]; });
      for (var i = 0; i + 1 < cuts.length; i++) {
        var seg = el("span", { class: "seg", "data-start": cuts[i], "data-end": cuts[i + 1] }, text.slice(cuts[i], cuts[i + 1]));
        var inner = innermost(cuts[i], cuts[i + 1]);
        if (inner >= 0) {
          var it = S.doc.items[inner];
          seg.setAttribute("data-kind", it.kind); seg.style.setProperty("--c", "var(--" + it.kind + ")");
          if (isFlagged(it)) seg.classList.add("flagged");
        }
        b.appendChild(seg);
      }
      view.appendChild(b);
    });
    view.addEventListener("click", function (ev) {
      var seg = ev.target.closest(".seg"); if (!seg) return;
      var inner = innermost(Number(seg.getAttribute("data-start")), Number(seg.getAttribute("data-end")));
      if (inner >= 0) select(inner, false);
    });
    d.appendChild(view);
  }
  // The smallest item whose span covers [start, end): what a click there means.
  function innermost(start, end) {
    var best = -1, bestLen = Infinity;
    S.doc.items.forEach(function (it, i) {
      if (!it.span || it.kind === "warning" || it.span.start > start || it.span.end < end) return;
      var len = it.span.end - it.span.start;
      if (len < bestLen) { best = i; bestLen = len; }
    });
    return best;
  }

  // ---- the tree and the selected item
  function renderTree() {
    var t = $("tree"); t.textContent = "";
    S.doc.items.forEach(function (item, index) {
      var group = item.depth === 0;
      var row = el("div", { class: "row" + (group ? " group" : "") + (item.span || group ? "" : " nospan"), "data-item": index, color: item.kind, role: "treeitem" });
      row.style.paddingLeft = (8 + Math.max(0, item.depth - 1) * 14) + "px";
      if (!group) row.appendChild(el("span", { class: "swatch" }));
      row.appendChild(el("span", { class: "label", title: item.label }, item.label));
      item.flags.forEach(function (f) { row.appendChild(el("span", { class: "flag" + (/^inferred|^ocr$/.test(f) ? " soft" : "") }, f)); });
      if (item.fields.some(function (f) { return f.original !== undefined; })) row.appendChild(el("span", { class: "flag fixed" }, "corrected"));
      if (item.fields.some(function (f) { return f.wrong; })) row.appendChild(el("span", { class: "flag" }, "marked wrong"));
      if (!group) row.addEventListener("click", function () { select(index, true); });
      t.appendChild(row);
    });
  }
  function select(index, scrollPage) {
    S.selected = index;
    document.querySelectorAll(".selected").forEach(function (e) { e.classList.remove("selected"); });
    var row = document.querySelector('#tree .row[data-item="' + index + '"]');
    if (row) { row.classList.add("selected"); row.scrollIntoView({ block: "nearest" }); }
    var item = S.doc.items[index], marks = [];
    if (item.span) {
      if (S.doc.view === "pages") marks = Array.prototype.slice.call(document.querySelectorAll('.box[data-item="' + index + '"]'));
      else document.querySelectorAll(".seg").forEach(function (seg) {
        var a = Number(seg.getAttribute("data-start")), b = Number(seg.getAttribute("data-end"));
        if (a < item.span.end && b > item.span.start) { seg.style.setProperty("--c", "var(--" + item.kind + ")"); marks.push(seg); }
      });
    }
    marks.forEach(function (m) { m.classList.add("selected"); m.classList.remove("flash"); void m.offsetWidth; m.classList.add("flash"); });
    if (scrollPage && marks.length) marks[0].scrollIntoView({ block: "center", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
    renderDetails();
  }
  function renderDetails() {
    var d = $("details"); d.textContent = "";
    if (S.selected < 0) { d.appendChild(el("p", { class: "hint" }, "Select an item in the tree or on the page (j/k).")); return; }
    var item = S.doc.items[S.selected];
    d.appendChild(el("h2", null, item.group + ": " + item.label));
    var where = item.span ? "characters " + item.span.start + "–" + item.span.end + (item.span.page ? ", page " + item.span.page : "") : "no place in the text";
    if (item.span && S.doc.view === "pages" && !document.querySelector('.box[data-item="' + S.selected + '"]')) where += " (not found on the page image)";
    d.appendChild(el("div", { class: "meta" }, where + (item.flags.length ? " · " + item.flags.join(", ") : "")));
    if (!item.fields.length) return;
    var table = el("table");
    item.fields.forEach(function (f) {
      var tr = el("tr"), input = el("input", { type: "text", "data-path": f.path });
      input.value = f.value === null ? "" : String(f.value);
      input.placeholder = f.value === null ? "(none)" : "";
      var cell = el("td"); cell.appendChild(input);
      if (f.original !== undefined) cell.appendChild(el("div", { class: "original", title: "the parser read" }, f.original === null ? "(none)" : String(f.original)));
      if (f.wrong) cell.appendChild(el("div", { class: "marked" }, "marked wrong"));
      var save = el("button", { "data-action": "replace" }, "Save"), wrong = el("button", { "data-action": "wrong" }, "Wrong"), undo = el("button", { "data-action": "undo" }, "Undo");
      var buttons = el("td"); buttons.appendChild(save); buttons.appendChild(wrong);
      if (f.original !== undefined || f.wrong) buttons.appendChild(undo);
      [save, wrong, undo].forEach(function (btn) { btn.addEventListener("click", function () { sendCorrection(f.path, btn.getAttribute("data-action"), input.value); }); });
      // Enter saves, Escape leaves the field: either way j/k work again at once.
      input.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter") { input.blur(); sendCorrection(f.path, "replace", input.value); }
        else if (ev.key === "Escape") input.blur();
      });
      tr.appendChild(el("td", { class: "name" }, f.name)); tr.appendChild(cell); tr.appendChild(buttons);
      table.appendChild(tr);
    });
    d.appendChild(table);
  }
  function sendCorrection(path, action, value) {
    var keep = S.selected;
    api("/api/documents/" + S.docId + "/corrections", { path: path, action: action, value: value, by: S.reviewer }).then(function (view) {
      S.doc = view;
      if (S.doc.view === "pages" && !S.doc.correctionsProblem && S.pageEls) drawBoxes(); else renderDocument();
      // The reviewer may have moved on (j) while the correction was saved: stay where they are.
      renderTree(); select(S.selected >= 0 ? S.selected : keep, false);
      status(action === "undo" ? "Correction undone" : action === "wrong" ? "Marked wrong" : "Correction saved");
      ensureDocs(true);
    }).catch(function (e) { status("Not saved: " + e.message); });
  }

  // ---- keys, buttons
  function step(delta, onlyFlagged) {
    if (!S.doc) return;
    var items = S.doc.items, i = S.selected;
    for (var n = 0; n < items.length; n++) {
      i = (i + delta + items.length) % items.length;
      if (items[i].depth > 0 && (!onlyFlagged || isFlagged(items[i]))) { select(i, true); return; }
    }
  }
  function stepDocument(delta) {
    if (!S.docs || S.docs.length < 2) return;
    var at = S.docs.findIndex(function (d) { return d.id === S.docId; });
    var next = S.docs[(at + delta + S.docs.length) % S.docs.length];
    location.hash = "#/doc/" + next.id;
  }
  function setZoom(z) { S.zoom = Math.min(4, Math.max(0.5, Math.round(z * 4) / 4)); if (S.doc) { var keep = S.selected; renderDocument(); if (keep >= 0) select(keep, true); } }
  document.addEventListener("keydown", function (ev) {
    if (ev.target.closest && ev.target.closest("input, select, textarea") || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var onDoc = !$("review").hidden;
    if (ev.key === "j" && onDoc) step(1, false);
    else if (ev.key === "k" && onDoc) step(-1, false);
    else if (ev.key === "f" && onDoc) step(1, true);
    else if (ev.key === "n") stepDocument(1);
    else if (ev.key === "p") stepDocument(-1);
    else if (ev.key === "+" || ev.key === "=") setZoom(S.zoom + 0.25);
    else if (ev.key === "-") setZoom(S.zoom - 0.25);
    else return;
    ev.preventDefault();
  });
  document.addEventListener("DOMContentLoaded", function () {
    $("prev-doc").addEventListener("click", function () { stepDocument(-1); });
    $("next-doc").addEventListener("click", function () { stepDocument(1); });
    $("zoom-in").addEventListener("click", function () { setZoom(S.zoom + 0.25); });
    $("zoom-out").addEventListener("click", function () { setZoom(S.zoom - 0.25); });
    $("reviewer").addEventListener("change", function () { S.reviewer = $("reviewer").value.trim(); localStorage.setItem("vanban-reviewer", S.reviewer); });
    $("code-filter").addEventListener("change", renderFolder);
    $("name-filter").addEventListener("input", renderFolder);
    document.querySelectorAll("#folder-table th[data-sort]").forEach(function (th) {
      th.addEventListener("click", function () {
        var k = th.getAttribute("data-sort");
        S.sort = { key: k, dir: S.sort.key === k ? -S.sort.dir : 1 };
        renderFolder();
      });
    });
    window.addEventListener("hashchange", route);
    route();
  });
})();
`;
