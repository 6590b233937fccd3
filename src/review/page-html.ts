/** The review page's shell; page.js fills it from the API. UTF-8 declared first: Vietnamese text. */
export const PAGE_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>vanban review</title>
<link rel="stylesheet" href="/page.css">
<script src="/page.js" defer></script>
</head>
<body>
<header id="bar">
  <a id="home" href="#/" title="All documents">vanban review</a>
  <span id="doc-name"></span>
  <span id="doc-nav">
    <button id="prev-doc" title="Previous document (p)">◀ p</button>
    <button id="next-doc" title="Next document (n)">n ▶</button>
  </span>
  <span id="zoom-tools">
    <button id="zoom-out" title="Zoom out">−</button><span id="zoom-level">100%</span><button id="zoom-in" title="Zoom in">+</button>
  </span>
  <label id="reviewer-label">Reviewer <input id="reviewer" size="12" autocomplete="name"></label>
  <span id="keys">j/k item · f next flagged · n/p document</span>
</header>
<main id="folder" hidden>
  <div id="folder-tools">
    <label>Warning code <select id="code-filter"><option value="">all</option></select></label>
    <label>Name <input id="name-filter" type="search" placeholder="filter"></label>
    <span id="folder-count"></span>
  </div>
  <table id="folder-table">
    <thead><tr>
      <th data-sort="name">Document</th><th data-sort="format">Format</th><th data-sort="pages">Pages</th>
      <th data-sort="warnings">Warnings</th><th data-sort="corrections">Corrections</th><th>Warning codes</th>
    </tr></thead>
    <tbody></tbody>
  </table>
</main>
<main id="review" hidden>
  <section id="document" tabindex="-1"></section>
  <aside id="side">
    <div id="details"><p class="hint">Select an item in the tree or on the page.</p></div>
    <div id="tree" role="tree"></div>
  </aside>
</main>
<div id="status" role="status"></div>
</body>
</html>
`;
