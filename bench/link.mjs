/**
 * Linking benchmark: 10,000 synthetic records (plans, reports, decisions, letters citing one
 * another and outside documents), linked with linkCorpus. Prints the time, the heap growth and
 * the floor: the time to JSON.parse the same records, as a ratio. Also 2,500 and 5,000 records,
 * to show time and memory grow linearly. Not part of `npm test`:
 *   npx tsx bench/link.mjs [records]
 */
import { linkCorpus } from "../src/link/index.ts";

const N = Number(process.argv[2] ?? 10000);
const TYPES = [
  { code: "KH", name: "Kế hoạch", symbol: "KH-UBND" },
  { code: "BC", name: "Báo cáo", symbol: "BC-UBND" },
  { code: "QĐ", name: "Quyết định", symbol: "QĐ-UBND" },
  { code: null, name: "Công văn", symbol: "UBND-VX" },
  { code: "TTr", name: "Tờ trình", symbol: "TTr-SNV" },
];
const ISSUERS = ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "ỦY BAN NHÂN DÂN TỈNH KON TUM", "SỞ NỘI VỤ", "SỞ TƯ PHÁP"];
const INDICATORS = [
  "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến",
  "Tỷ lệ hộ nghèo",
  "Số xã đạt chuẩn nông thôn mới",
  "Tốc độ tăng trưởng GRDP",
  "Tỷ lệ người dân có tài khoản định danh điện tử",
  "Số doanh nghiệp thành lập mới",
];
const LEADS = ["Căn cứ", "Thực hiện", "Theo đề nghị của Sở Nội vụ tại", "thay thế", "ban hành kèm theo", "Sở Nội vụ nhận được"];

function span(text, part) {
  const start = text.indexOf(part);
  return { start, end: start + part.length };
}

function makeRecord(i) {
  const t = TYPES[i % TYPES.length];
  const year = 2020 + (i % 6);
  const number = String(1 + Math.floor(i / TYPES.length));
  const cites = [];
  for (let k = 0; k < 8; k++) {
    const j = (i * 7 + k * 131) % N; // another record of the corpus
    const ct = TYPES[j % TYPES.length];
    const inCorpus = k % 2 === 0;
    const cn = inCorpus ? String(1 + Math.floor(j / TYPES.length)) : String(90000 + k);
    const cy = inCorpus ? 2020 + (j % 6) : 2019;
    cites.push({ raw: `${ct.name} số ${cn}/${ct.symbol} ngày 01/02/${cy}`, symbol: `${cn}/${ct.symbol}`, year: cy, type: ct.name, lead: LEADS[(i + k) % LEADS.length] });
  }
  const figures = INDICATORS.slice(0, 3 + (i % 3)).map((ind, k) => ({ ind, value: 10 + ((i + k) % 80) }));
  const body = [
    ...cites.map((c) => `${c.lead} ${c.raw};`),
    ...figures.map((f) => `${f.ind} đạt ${f.value}%.`),
    "Nội dung văn bản gồm nhiều đoạn mô tả nhiệm vụ, giải pháp, tổ chức thực hiện và trách nhiệm của các cơ quan, đơn vị có liên quan. ".repeat(12),
  ].join("\n");
  const subject = `${t.name} về chuyển đổi số năm ${year}`;
  const text = `${ISSUERS[i % ISSUERS.length]}\nSố: ${number}/${t.symbol}\n${subject}\n${body}`;
  const measure = (f) => {
    const s = span(text, f.ind);
    return { text: f.ind, span: s, sectionId: null, footnote: null, indicator: f.ind, comparator: t.code === "KH" ? "gte" : "eq", value: f.value, valueMax: null, unit: "%", normalized: null, direction: null, valueSpan: s };
  };
  return {
    source: { name: `synthetic-${i}.json` },
    text,
    type: { code: t.code, name: t.name, inferredFrom: "title" },
    title: t.name.toUpperCase(),
    subject,
    header: {
      issuer: { name: ISSUERS[i % ISSUERS.length], parent: null },
      nationalTitle: null, motto: null, number, symbol: t.symbol, place: null,
      date: `${year}-0${1 + (i % 9)}-1${i % 10}`, urgency: null, confidentiality: null,
      spans: {}, year: null,
    },
    citations: cites.map((c) => ({
      raw: c.raw, span: span(text, c.raw), sectionId: null, footnote: null, type: c.type, typeCorrection: null,
      number: c.symbol.split("/")[0], symbol: c.symbol, year: c.year, date: `${c.year}-02-01`, issuer: null, issuerTerm: null,
      title: null, pinpoints: [], self: false, legalBasis: c.lead === "Căn cứ", inferred: [],
    })),
    targets: t.code === "KH" ? figures.map(measure) : [],
    results: t.code === "BC" ? figures.map((f) => ({ ...measure(f), basis: null })) : [],
  };
}

function run(n) {
  const lines = [];
  for (let i = 0; i < n; i++) lines.push(JSON.stringify(makeRecord(i)));
  const jsonl = lines.join("\n");
  global.gc?.();
  let t0 = performance.now();
  const records = jsonl.split("\n").map((l) => JSON.parse(l));
  const parseMs = performance.now() - t0;
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  t0 = performance.now();
  const links = linkCorpus(records);
  const linkMs = performance.now() - t0;
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
  console.log(
    `${String(n).padStart(6)} records (${(jsonl.length / 1e6).toFixed(1)} MB): link ${linkMs.toFixed(0)} ms ` +
      `(${((linkMs / n) * 1000).toFixed(0)} µs/record), JSON.parse floor ${parseMs.toFixed(0)} ms, ratio ${(linkMs / parseMs).toFixed(2)}×; ` +
      `heap +${heapMb.toFixed(0)} MB; ${links.edges.length} edges, ${links.unresolved.length} unresolved, ` +
      `${links.ambiguous.length} ambiguous, ${links.reconciliation.pairs.length} plan–report pairs`,
  );
}

for (const n of [Math.round(N / 4), Math.round(N / 2), N]) run(n);
