/**
 * VNI Windows (bảng mã VNI, fonts "VNI-Times", "VNI-Helve" …): a Vietnamese letter is a base
 * letter followed by one mark byte (tone, or vowel quality plus tone), except đ, ơ, ư and the
 * toned i/y letters, which have a byte of their own. Written here as the Windows-1252 characters
 * of those bytes, which is how PDF readers and 8-bit text files show them ("Coäng hoøa").
 * Each entry is `vni=unicode`. Same table as the Unikey engine's VNI-Win conversion table.
 */
export const VNI_TABLE: readonly string[] = [
  "AÙ=Á aù=á AØ=À aø=à AÛ=Ả aû=ả AÕ=Ã aõ=ã AÏ=Ạ aï=ạ AÂ=Â aâ=â",
  "AÁ=Ấ aá=ấ AÀ=Ầ aà=ầ AÅ=Ẩ aå=ẩ AÃ=Ẫ aã=ẫ AÄ=Ậ aä=ậ AÊ=Ă aê=ă",
  "AÉ=Ắ aé=ắ AÈ=Ằ aè=ằ AÚ=Ẳ aú=ẳ AÜ=Ẵ aü=ẵ AË=Ặ aë=ặ Ñ=Đ ñ=đ",
  "EÙ=É eù=é EØ=È eø=è EÛ=Ẻ eû=ẻ EÕ=Ẽ eõ=ẽ EÏ=Ẹ eï=ẹ EÂ=Ê eâ=ê",
  "EÁ=Ế eá=ế EÀ=Ề eà=ề EÅ=Ể eå=ể EÃ=Ễ eã=ễ EÄ=Ệ eä=ệ Æ=Ỉ æ=ỉ",
  "Ó=Ĩ ó=ĩ Ò=Ị ò=ị OÙ=Ó où=ó OØ=Ò oø=ò OÛ=Ỏ oû=ỏ OÕ=Õ oõ=õ",
  "OÏ=Ọ oï=ọ OÂ=Ô oâ=ô OÁ=Ố oá=ố OÀ=Ồ oà=ồ OÅ=Ổ oå=ổ OÃ=Ỗ oã=ỗ",
  "OÄ=Ộ oä=ộ Ô=Ơ ô=ơ ÔÙ=Ớ ôù=ớ ÔØ=Ờ ôø=ờ ÔÛ=Ở ôû=ở ÔÕ=Ỡ ôõ=ỡ",
  "ÔÏ=Ợ ôï=ợ UÙ=Ú uù=ú UØ=Ù uø=ù UÛ=Ủ uû=ủ UÕ=Ũ uõ=ũ UÏ=Ụ uï=ụ",
  "Ö=Ư ö=ư ÖÙ=Ứ öù=ứ ÖØ=Ừ öø=ừ ÖÛ=Ử öû=ử ÖÕ=Ữ öõ=ữ ÖÏ=Ự öï=ự",
  "YÙ=Ý yù=ý YØ=Ỳ yø=ỳ YÛ=Ỷ yû=ỷ YÕ=Ỹ yõ=ỹ Î=Ỵ î=ỵ",
  // Í í Ì ì are the same bytes as in Windows-1252 and need no entry.
];

/**
 * Tone bytes typed after a plain "i" by some VNI input tools (the standard uses í ì æ ó ò): read
 * them too, since "iù" etc. never occur otherwise.
 */
export const VNI_I_EXTRAS = "IÙ=Í iù=í IØ=Ì iø=ì IÛ=Ỉ iû=ỉ IÕ=Ĩ iõ=ĩ IÏ=Ị iï=ị";
