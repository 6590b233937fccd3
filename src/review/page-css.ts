/** The review page's styles. Font stacks cover Vietnamese (stacked diacritics: ệ, ỗ, ử). */
export const PAGE_CSS = String.raw`
:root {
  --sans: "Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  --serif: "Noto Serif", "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  --header: #1f6feb; --type: #8250df; --title: #8250df; --subject: #8250df; --addressee: #0a7d6c;
  --preamble: #6e7781; --section: #57606a; --footnote: #bc4c00; --recipient: #0a7d6c; --archive: #0a7d6c;
  --signature: #cf222e; --citation: #bf3989; --target: #1a7f37; --result: #4d7c0f; --table: #9a6700;
  --furniture: #afb8c1; --unassigned: #cf222e; --warning: #cf222e;
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font-family: var(--sans); font-size: 14px; color: #1f2328; background: #f6f8fa; line-height: 1.45; }
#bar { position: sticky; top: 0; z-index: 5; display: flex; gap: 14px; align-items: center; padding: 6px 12px; background: #24292f; color: #fff; }
#bar a { color: #fff; font-weight: 600; text-decoration: none; }
#bar button { font: inherit; padding: 1px 8px; border-radius: 4px; border: 1px solid #57606a; background: #32383f; color: #fff; cursor: pointer; }
#bar input { font: inherit; padding: 1px 4px; }
#doc-name { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 40vw; }
#zoom-level { display: inline-block; min-width: 3.5em; text-align: center; }
#keys { margin-left: auto; color: #8c959f; font-size: 12px; }
#review { display: grid; grid-template-columns: minmax(0, 1fr) 430px; height: calc(100vh - 40px); }
#document { overflow: auto; padding: 16px; outline: none; }
#side { display: flex; flex-direction: column; border-left: 1px solid #d0d7de; background: #fff; min-height: 0; }
#details { padding: 10px 12px; border-bottom: 1px solid #d0d7de; max-height: 45%; overflow: auto; }
#details h2 { font-size: 14px; margin: 0 0 4px; }
#details .meta { color: #57606a; font-size: 12px; margin-bottom: 6px; }
#details table { width: 100%; border-collapse: collapse; }
#details td { padding: 2px 4px; vertical-align: top; }
#details td.name { color: #57606a; white-space: nowrap; }
#details input[type=text] { width: 100%; font: inherit; padding: 2px 4px; border: 1px solid #d0d7de; border-radius: 4px; }
#details .original { color: #cf222e; text-decoration: line-through; font-size: 12px; }
#details .marked { color: #cf222e; font-weight: 600; font-size: 12px; }
#details button { font: inherit; font-size: 12px; padding: 1px 6px; margin: 1px; cursor: pointer; }
#details .hint { color: #57606a; }
#tree { overflow: auto; flex: 1; padding: 4px 0; }
.row { display: flex; gap: 6px; align-items: baseline; padding: 1px 8px; cursor: pointer; white-space: nowrap; }
.row:hover { background: #f3f4f6; }
.row.group { font-weight: 600; margin-top: 6px; cursor: default; }
.row.selected { background: #ddf4ff; }
.row .swatch { flex: none; width: 9px; height: 9px; border-radius: 2px; background: var(--c); }
.row .label { overflow: hidden; text-overflow: ellipsis; }
.row.nospan .label { color: #8c959f; }
.flag { flex: none; font-size: 11px; padding: 0 5px; border-radius: 8px; background: #ffebe9; color: #a40e26; }
.flag.soft { background: #fff8c5; color: #7d4e00; }
.flag.fixed { background: #dafbe1; color: #1a7f37; }
.notice { padding: 8px 12px; background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; margin-bottom: 12px; }
.error { padding: 8px 12px; background: #ffebe9; border: 1px solid #cf222e; border-radius: 6px; margin-bottom: 12px; }
.page { position: relative; margin: 0 auto 16px; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
.page img { display: block; width: 100%; height: auto; user-select: none; }
.page .number { position: absolute; top: 4px; right: 8px; color: #8c959f; font-size: 11px; }
.box { position: absolute; border: 1px solid var(--c); background: color-mix(in srgb, var(--c) 10%, transparent); pointer-events: none; border-radius: 2px; }
.box.big { background: transparent; border-style: dotted; opacity: .55; }
.box.flagged { border-width: 2px; border-style: dashed; }
.box.warning-box { display: none; }
.box.warning-box.selected { display: block; }
.box.selected { border: 2px solid var(--c); background: color-mix(in srgb, var(--c) 22%, transparent); opacity: 1; z-index: 3; }
.flash { animation: flash 1.2s ease-out 1; }
@keyframes flash { 0% { box-shadow: 0 0 0 6px rgba(255, 200, 0, .9); } 100% { box-shadow: 0 0 0 0 rgba(255, 200, 0, 0); } }
.text-view { max-width: 860px; margin: 0 auto; background: #fff; padding: 28px 40px; box-shadow: 0 1px 4px rgba(0,0,0,.2); font-family: var(--serif); font-size: calc(15px * var(--zoom, 1)); }
.block { margin: 0 0 .45em; white-space: pre-wrap; }
.block[data-role=header], .block[data-role=title], .block[data-role=subject] { text-align: center; }
.block[data-role=title] { font-weight: 700; }
.block[data-role=furniture] { color: #8c959f; font-size: .85em; }
.block[data-role=footnote] { font-size: .9em; border-top: 1px dotted #d0d7de; padding-top: 2px; }
.block .pageno { float: right; color: #8c959f; font-family: var(--sans); font-size: 11px; }
.seg { border-bottom: 2px solid transparent; cursor: pointer; }
.seg[data-kind] { border-bottom-color: color-mix(in srgb, var(--c) 60%, transparent); background: color-mix(in srgb, var(--c) 8%, transparent); }
.seg.flagged { text-decoration: underline wavy #cf222e; }
.seg.selected { background: color-mix(in srgb, var(--c, #fb8500) 28%, transparent); outline: 1px solid var(--c, #fb8500); }
#folder { padding: 12px 16px; }
#folder-tools { display: flex; gap: 16px; align-items: center; margin-bottom: 8px; }
#folder-table { border-collapse: collapse; background: #fff; width: 100%; }
#folder-table th, #folder-table td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; }
#folder-table th[data-sort] { cursor: pointer; user-select: none; background: #f6f8fa; }
#folder-table th.asc::after { content: " ▲"; } #folder-table th.desc::after { content: " ▼"; }
#folder-table td.num { text-align: right; }
#folder-table tr:hover td { background: #f6f8fa; }
#status { position: fixed; bottom: 10px; left: 50%; transform: translateX(-50%); background: #24292f; color: #fff; padding: 4px 12px; border-radius: 6px; opacity: 0; transition: opacity .3s; pointer-events: none; }
#status.show { opacity: .95; }
`;
