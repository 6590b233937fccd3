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
    await page.locator("#folder-table tbody tr").nth(1).waitFor({ timeout: 60_000 });
    expect(await page.locator("#folder-table tbody td:first-child").allTextContents()).toEqual(["a-qd-1696.pdf", "b-giaymoi.docx"]);
    await page.click('th[data-sort="name"]'); // already by name: now descending
    expect(await page.locator("#folder-table tbody td:first-child").allTextContents()).toEqual(["b-giaymoi.docx", "a-qd-1696.pdf"]);
    const codes = await page.locator("#code-filter option").evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
    expect(codes.length).toBeGreaterThan(0);
    await page.selectOption("#code-filter", codes[0]);
    const shown = await page.locator("#folder-table tbody tr").count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(2);
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
});
