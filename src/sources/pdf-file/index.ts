/**
 * Reading a PDF file's own objects (đọc tệp PDF) without pdf.js: page content streams, resources,
 * a scanned page's image, annotation appearances and their fonts. Shared by sources/pdf (the path
 * scanner behind tables, font names, stamped text) and sources/ocr (a scanned page's JPEG decoded
 * natively).
 */
export { isName, isRef, Lexer, PdfObjects, type PdfDict, type PdfName, type PdfRef, type PdfValue } from "./pdf-objects.js";
export { lookupResource, readPageContent, readPageResources } from "./page-content.js";
export { CONTENT_OP, ContentReader } from "./content-reader.js";
export { findScanImage, multiplyMatrices, type PdfMatrix, type ScanImage } from "./scan-image.js";
export { listFontUses, listPageFonts, type PageFont } from "./page-fonts.js";
export { appearanceMayShowText } from "./appearance-text.js";
export { listDrawnAppearances, listDrawnIds, NOT_DRAWN_FLAGS, readNumberArray, type DrawnAppearance } from "./annotation-appearances.js";
export { readIdentityFont, type IdentityFont } from "./cid-font.js";
export { stringBytes } from "./string-bytes.js";
