/**
 * Tỉnh, thành phố trực thuộc trung ương (provinces and centrally governed cities): the 63 before
 * the 2025 merger, which documents still name, and the merged ones (Nghị quyết 202/2025/QH15)
 * are among them. Written as the Government writes them. For OCR: a place read with wrong
 * diacritics ("Lâm Đông") is spelled as printed only when its letters are those of one name.
 */
export const PROVINCES: readonly string[] = [
  "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế",
  "Hà Giang", "Cao Bằng", "Bắc Kạn", "Tuyên Quang", "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La",
  "Yên Bái", "Hòa Bình", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Bắc Giang", "Phú Thọ",
  "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Hà Nam", "Nam Định", "Ninh Bình",
  "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Quảng Nam",
  "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum",
  "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai",
  "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang",
  "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
];

/** What names a province just before its name: "tỉnh Lâm Đồng", "THÀNH PHỐ HÀ NỘI", "T. LÂM ĐỒNG". */
export const PROVINCE_CUE = /(?:^|\s)(?<cue>tỉnh|Tỉnh|TỈNH|[Tt]hành\s+phố|THÀNH\s+PHỐ|TP\.?|T\.)\s$/u;
