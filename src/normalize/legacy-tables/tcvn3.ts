/**
 * TCVN3 (ABC, TCVN 5712:1993 VN3; fonts ".VnTime", ".VnArial" …): one byte per letter, toned
 * vowels in 0xA1–0xFE. Upper-case toned vowels have no code: documents set them in the capitals
 * fonts (".VnTimeH"), whose glyphs at the lower-case codes are capitals. Written here as the
 * Windows-1252 characters of those bytes ("Céng hoµ x· héi"). Each entry is `tcvn3=unicode`.
 * Same table as the Unikey engine's TCVN3 conversion table.
 */
export const TCVN3_TABLE: readonly string[] = [
  "¡=Ă ¢=Â £=Ê ¤=Ô ¥=Ơ ¦=Ư §=Đ ¨=ă ©=â ª=ê «=ô ¬=ơ \u00AD=ư ®=đ",
  "µ=à ¶=ả ·=ã ¸=á ¹=ạ »=ằ ¼=ẳ ½=ẵ ¾=ắ Æ=ặ Ç=ầ È=ẩ É=ẫ Ê=ấ Ë=ậ",
  "Ì=è Î=ẻ Ï=ẽ Ð=é Ñ=ẹ Ò=ề Ó=ể Ô=ễ Õ=ế Ö=ệ",
  "×=ì Ø=ỉ Ü=ĩ Ý=í Þ=ị",
  "ß=ò á=ỏ â=õ ã=ó ä=ọ å=ồ æ=ổ ç=ỗ è=ố é=ộ ê=ờ ë=ở ì=ỡ í=ớ î=ợ",
  "ï=ù ñ=ủ ò=ũ ó=ú ô=ụ õ=ừ ö=ử ÷=ữ ø=ứ ù=ự",
  "ú=ỳ û=ỷ ü=ỹ ý=ý þ=ỵ",
];
