/**
 * The floor of the PDF figures: pdfjs-dist's getTextContent on every page of each file and
 * nothing else. `pdfjs`: the imported legacy build. Returns the pages read.
 */
export async function bareTextContent(pdfjs, datas) {
  let pages = 0;
  for (const data of datas) {
    const doc = await pdfjs.getDocument({ data: data.slice(), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      await page.getTextContent();
      page.cleanup();
    }
    pages += doc.numPages;
    await doc.destroy();
  }
  return pages;
}
