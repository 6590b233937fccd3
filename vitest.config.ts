import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // The golden records of the scanned fixtures were read by tesseract.js; by default ("auto") a
    // machine with the system's Tesseract 5 (CI installs it) would read them with that instead.
    // Tests of the engine choice set the variable themselves.
    env: { VANBAN_OCR_ENGINE: "tesseract.js" },
  },
});
