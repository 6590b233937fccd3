/**
 * The walkthrough of docs/review.md "Checking a 5-page document": opens a document in the review
 * page (system Chromium through playwright-core), steps through every item with `j` as a
 * reviewer does, and makes the corrections found by checking the page images by hand (FIXES),
 * through the page's own fields and buttons. Prints what it took: items, keys, clicks, characters
 * typed, corrections, and the save and open times as ratios to a floor measured in the same run
 * (a GET of the document's view). Works on a copy: the corrections file is written beside it.
 *   npx tsx scripts/review-walkthrough.ts [document.pdf]
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { chromium } from "playwright-core";
import { startReviewServer } from "../src/review/index.js";

const DEFAULT = join(import.meta.dirname, "../../shared/corpus/lamdong/29-11-ttr-3367-so-nv--3367-ub-bao-cao-ket-qua-tong-hop-yeu-cau-hoi-to-chuc-dh-sign.pdf");
/** Item (start of the details heading), field, new value or "wrong": what the page images showed wrong. */
const FIXES: Array<[string, string, string]> = [
  ["Citations: Văn bản số 16/CGC", "symbol", "16/CGC.BT"],
  ["Citations: Văn bản số 16/CGC", "date", "2024-08-19"],
  ["Citations: Công văn số 2328/SNV-TCCC", "date", "2024-08-30"],
  ["Citations: Công văn số 3342/SNV-TCCC ngày 26/11/2024", "issuer", "Sở Nội vụ"],
  ["Citations: Công văn số 4321/STNMT-CCBVMT", "date", "2024-08-14"],
  ["Citations: Công văn số 2903/SNV-TCCC", "date", "2024-10-21"],
  ["Citations: Công văn số 3454/SNN-VP", "issuer", "Sở Nông nghiệp và phát triển nông thôn"],
  ["Targets: hội báo cáo đang chuẩn bị", "unit", "hội"],
  ["Results: hội báo cáo không đủ điều kiện", "unit", "hội"],
  // Clauses quoted from Nghị định 126/2024 read as the document's own sections, and "Điều 35" at a
  // line start read as an article. (The document's own c) and d) are right, warnings aside.)
  ["Sections: c Hết thời gian", "label", "wrong"],
  ["Sections: d Không báo cáo", "label", "wrong"],
  ["Sections: a Yêu cầu hội", "label", "wrong"],
  ["Sections: b Lấy ý kiến", "label", "wrong"],
  ["Sections: c Thông báo về việc chuẩn bị", "label", "wrong"],
  ["Sections: 3 Sau khi hội hoàn thành", "label", "wrong"],
  ["Sections: Điều 35 Nghị định", "label", "wrong"],
];

const source = process.argv[2] ?? DEFAULT;
const dir = mkdtempSync(join(tmpdir(), "vanban-walkthrough-"));
const file = join(dir, basename(source));
copyFileSync(source, file);
const server = await startReviewServer({ input: file, reviewer: "walkthrough" });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let t = performance.now();
  await page.goto(`${server.url}#/doc/0`);
  await page.locator('.page[data-page="1"] .box').first().waitFor({ timeout: 300_000 });
  const openMs = performance.now() - t;
  const floor: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    await (await fetch(`${server.url}api/documents/0`)).json();
    floor.push(performance.now() - t);
  }
  const count = { items: 0, keys: 0, clicks: 0, typed: 0, corrections: 0 };
  const saveMs: number[] = [];
  const total = await page.locator("#tree .row:not(.group)").count();
  for (let i = 0; i < total; i++) {
    await page.keyboard.press("j");
    count.keys++;
    count.items++;
    const heading = (await page.locator("#details h2").textContent()) ?? "";
    for (const [prefix, field, value] of FIXES) {
      if (!heading.startsWith(prefix)) continue;
      const row = page.locator("#details tr", { has: page.locator(`td.name:text-is("${field}")`) });
      const saved = page.waitForResponse((r) => r.url().endsWith("/corrections"));
      t = performance.now();
      if (value === "wrong") {
        await row.locator("button[data-action=wrong]").click();
        count.clicks++;
      } else {
        await row.locator("input").click();
        await page.keyboard.press("Control+a");
        await page.keyboard.type(value);
        await page.keyboard.press("Enter");
        count.clicks++;
        count.keys += 2;
        count.typed += value.length;
      }
      const response = await saved;
      if (!response.ok()) throw new Error(`${heading} ${field}: ${((await response.json()) as { message: string }).message}`);
      saveMs.push(performance.now() - t);
      count.corrections++;
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const floorMs = median(floor);
  const patch = JSON.parse(readFileSync(`${file}.corrections.json`, "utf8")) as unknown[];
  console.log(JSON.stringify({
    ...count,
    patchOperations: patch.length,
    floorMs: Math.round(floorMs),
    openOverFloor: Math.round(openMs / floorMs),
    saveOverFloor: { median: Math.round((median(saveMs) / floorMs) * 10) / 10, max: Math.round((Math.max(...saveMs) / floorMs) * 10) / 10 },
  }));
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
