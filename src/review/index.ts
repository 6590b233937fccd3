export { startReviewServer, type ReviewServer, type ReviewServerOptions } from "./review-server.js";
export { readCorrections, writeCorrections, CORRECTIONS_SUFFIX } from "./corrections-file.js";
export { buildItems, type ReviewItem, type ReviewField } from "./build-items.js";
