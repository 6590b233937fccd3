/**
 * The review page in a real browser: Playwright (playwright-core) driving the system's Chromium,
 * installed by .ci/setup.d/30-chromium.sh. One browser for the file.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { startReviewServer, type ReviewServer } from "../../src/review/index.js";

const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
if (!present && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/setup.d/30-chromium.sh installs it in CI`);
if (!present) console.warn(`skipping the review page browser tests: no ${CHROMIUM} (run .ci/setup.d/30-chromium.sh)`);

const dir = mkdtempSync(join(tmpdir(), "vanban-review-browser-"));
const pdf = join(dir, "a-qd-1696.pdf");
const docx = join(dir, "b-giaymoi.docx");
copyFileSync(new URL("../../fixtures/qd-1696-qd-ubnd-laocai-signed/input.pdf", import.meta.url), pdf);
copyFileSync(new URL("../../fixtures/gm-ubnd-laocai/input.docx", import.meta.url), docx);
// A scan read by OCR (one small page: OCR is slow): boxes come from the record's line boxes.
copyFileSync(new URL("../../fixtures/images/qd-pheduyet-kho-header.png", import.meta.url), join(dir, "c-scan.png"));

describe.skipIf(!present)("the review page", () => {
  let server: ReviewServer;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  /** A row of the record tree by its exact label. */
  const label = (text: string) => page.locator("#tree .row").filter({ has: page.locator(`.label[title="${text}"]`) });

  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    server = await startReviewServer({ input: dir, reviewer: "ci" });
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "vanban-chromium-")), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1300, height: 850 },
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await context.newPage();
    await page.emulateMedia({ reducedMotion: "reduce" }); // scrolls jump: boxes are where they are measured
    page.on("pageerror", (e) => errors.push(e.message));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists the folder's documents, sortable and filterable by warning code", async () => {
    await page.goto(server.url);
    await page.locator("#folder-table tbody tr").nth(2).waitFor({ timeout: 90_000 });
    expect(await page.locator("#folder-table tbody td:first-child").allTextContents()).toEqual(["a-qd-1696.pdf", "b-giaymoi.docx", "c-scan.png"]);
    await page.click('th[data-sort="name"]'); // already by name: now descending
    expect(await page.locator("#folder-table tbody td:first-child").allTextContents()).toEqual(["c-scan.png", "b-giaymoi.docx", "a-qd-1696.pdf"]);
    const codes = await page.locator("#code-filter option").evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
    expect(codes.length).toBeGreaterThan(0);
    await page.selectOption("#code-filter", codes[0]);
    const shown = await page.locator("#folder-table tbody tr").count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(3);
    await page.selectOption("#code-filter", "");
  });

  it("draws the header boxes on PDF page 1, and a citation click scrolls to its place", async () => {
    await page.click("text=a-qd-1696.pdf");
    const headerBoxes = page.locator('.page[data-page="1"] .box');
    await headerBoxes.first().waitFor({ timeout: 60_000 });
    await page.locator('.page[data-page="1"] img').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
    // Run in the page (the tests are type-checked without the DOM library): the top of each header item's box on page 1.
    const tops = (await page.evaluate(`[...document.querySelectorAll("#tree .row")]
      .filter((r) => r.style.getPropertyValue("--c") === "var(--header)" && !r.classList.contains("group"))
      .map((r) => document.querySelector('.page[data-page="1"] .box[data-item="' + r.dataset.item + '"]'))
      .map((box) => (box ? parseFloat(box.style.top) : null))`)) as (number | null)[];
    // issuer, national title, motto, symbol, place, date: all drawn, all in the top fifth of page 1.
    const drawn = tops.filter((t): t is number => t !== null);
    expect(drawn.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...drawn)).toBeLessThan(20);

    const citationRows = page.locator("#tree .row", { hasText: "Thông tư số 15/2026/TT-BCT" });
    const row = citationRows.last();
    const index = await row.getAttribute("data-item");
    await row.click();
    const box = page.locator(`.box[data-item="${index}"]`).first();
    await expect.poll(() => box.evaluate((b) => b.classList.contains("selected") && b.classList.contains("flash"))).toBe(true);
    await expect.poll(async () => {
      const area = await page.locator("#document").boundingBox();
      const b = await box.boundingBox();
      return area !== null && b !== null && b.y >= area.y && b.y + b.height <= area.y + area.height;
    }, { timeout: 5000 }).toBe(true);
    expect(await page.locator("#details h2").textContent()).toContain("Citations");

    // Clicking on the page selects what is drawn there.
    await label("Issuer").click();
    const mottoIndex = await label("motto").getAttribute("data-item");
    const mottoBox = page.locator(`.box[data-item="${mottoIndex}"]`);
    const motto = await mottoBox.boundingBox();
    await page.mouse.click(motto!.x + motto!.width / 2, motto!.y + motto!.height / 2);
    expect(await page.locator("#details h2").textContent()).toContain("motto");
  });

  it("moves between items with j/k and documents with n/p", async () => {
    await label("Issuer").click();
    await page.keyboard.press("j");
    expect(await page.locator("#details h2").textContent()).toBe("Header: nationalTitle");
    await page.keyboard.press("k");
    expect(await page.locator("#details h2").textContent()).toBe("Header: Issuer");
    await page.keyboard.press("n");
    await page.locator(".text-view .block").first().waitFor({ timeout: 60_000 });
    expect(await page.locator("#doc-name").textContent()).toBe("b-giaymoi.docx");
  });

  it("saves an edit of a DOCX field as a patch beside the document, shown again after a reload", async () => {
    await label("place").click();
    const input = page.locator('#details input[data-path="/header/place"]');
    const before = await input.inputValue();
    await input.fill("Lào Cai (đã sửa)");
    await page.locator("#details button[data-action=replace]").click();
    await page.locator("#status", { hasText: "Correction saved" }).waitFor();
    const patch = JSON.parse(readFileSync(`${docx}.corrections.json`, "utf8"));
    expect(patch[0]).toMatchObject({ op: "test", path: "/source/sha256" });
    expect(patch.at(-1)).toMatchObject({ op: "replace", path: "/header/place", value: "Lào Cai (đã sửa)", by: "ci" });

    await page.reload();
    await page.locator(".text-view .block").first().waitFor({ timeout: 60_000 });
    const row = label("place");
    expect(await row.locator(".flag.fixed").count()).toBe(1);
    await row.click();
    expect(await page.locator('#details input[data-path="/header/place"]').inputValue()).toBe("Lào Cai (đã sửa)");
    expect(await page.locator("#details .original").textContent()).toBe(before);
    // The text is shown with its diacritics intact.
    expect(await page.locator(".text-view").textContent()).toContain("ỦY BAN NHÂN DÂN");
    expect(errors).toEqual([]);
  });

  it("draws boxes on a scan read by OCR, where the words are printed on the image", async () => {
    await page.goto(`${server.url}#/doc/2`);
    await page.locator('.page[data-page="1"] .box').first().waitFor({ timeout: 60_000 });
    await page.locator('.page[data-page="1"] img').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
    expect(await page.locator('.page[data-page="1"] img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1654);
    /** An item's box on page 1, in fractions of the page, or null when it has none. */
    const boxOf = async (name: string) => {
      const index = await label(name).getAttribute("data-item");
      return (await page.evaluate(`(() => {
        const b = document.querySelector('.page[data-page="1"] .box[data-item="${index}"]');
        return b ? [b.style.left, b.style.top, b.style.width, b.style.height].map((v) => parseFloat(v) / 100) : null;
      })()`)) as number[] | null;
    };
    // Where the fixture image prints them, measured on the image (1654 × 842 px): "QĐ-CT" at
    // x 0.31–0.36, "89" at x 0.20–0.23, both on y 0.40–0.45; the date right of x 0.58.
    const expected: Record<string, { x: [number, number]; y: [number, number] }> = {
      symbol: { x: [0.3, 0.37], y: [0.4, 0.46] },
      number: { x: [0.19, 0.25], y: [0.4, 0.46] },
      date: { x: [0.58, 0.93], y: [0.4, 0.46] },
      nationalTitle: { x: [0.46, 0.93], y: [0.22, 0.28] },
    };
    for (const [name, where] of Object.entries(expected)) {
      const box = await boxOf(name);
      expect(box, name).not.toBeNull();
      const [x, y, w, h] = box!;
      const cx = x + w / 2;
      const cy = y + h / 2;
      expect(cx, `${name} x`).toBeGreaterThan(where.x[0]);
      expect(cx, `${name} x`).toBeLessThan(where.x[1]);
      expect(cy, `${name} y`).toBeGreaterThan(where.y[0]);
      expect(cy, `${name} y`).toBeLessThan(where.y[1]);
    }
    // Marked as read by OCR; the garbled last line (confidence 13) is flagged with its confidence.
    expect(await label("symbol").locator(".flag", { hasText: "ocr" }).count()).toBe(1);
    expect(await page.locator("#tree .row .flag", { hasText: /^OCR \d+%$/ }).count()).toBeGreaterThan(0);
    // A warning's place is drawn while it is selected: the word the spelling model corrected,
    // "TẦNG" of the issuer's second line (y 0.28–0.33 on the image).
    const warning = page.locator("#tree .row", { hasText: 'corrected to "TẦNG"' }).first();
    const warningBox = page.locator(`.page[data-page="1"] .box.warning-box[data-item="${await warning.getAttribute("data-item")}"]`);
    expect(await warningBox.isVisible()).toBe(false);
    await warning.click();
    expect(await warningBox.isVisible()).toBe(true);
    const top = await warningBox.evaluate((b) => parseFloat((b as unknown as { style: { top: string } }).style.top) / 100);
    expect(top).toBeGreaterThan(0.26);
    expect(top).toBeLessThan(0.33);
    expect(await page.locator("#details .meta").textContent()).not.toContain("not found");

    // A click on the printed symbol selects it.
    const symbol = await page.locator(`.box[data-item="${await label("symbol").getAttribute("data-item")}"]`).boundingBox();
    await page.mouse.click(symbol!.x + symbol!.width / 2, symbol!.y + symbol!.height / 2);
    expect(await page.locator("#details h2").textContent()).toBe("Header: symbol");

    // A correction redraws the boxes, not the page image; Enter leaves the field, so j works at once.
    await page.locator('.page[data-page="1"] img').evaluate((img) => (img as unknown as { dataset: Record<string, string> }).dataset.kept = "yes");
    await page.locator('#details input[data-path="/header/symbol"]').fill("QĐ-CT (sửa)");
    const saved = page.waitForResponse((r) => r.url().endsWith("/corrections"));
    await page.keyboard.press("Enter");
    await saved;
    await page.locator("#status", { hasText: "Correction saved" }).waitFor();
    expect(await page.locator('.page[data-page="1"] img').getAttribute("data-kept")).toBe("yes");
    expect(await label("symbol").locator(".flag.fixed").count()).toBe(1);
    expect(await page.locator(`.box[data-item="${await label("symbol").getAttribute("data-item")}"]`).count()).toBeGreaterThan(0);
    await page.keyboard.press("j");
    expect(await page.locator("#details h2").textContent()).toBe("Header: place");
    expect(errors).toEqual([]);
  });
});
