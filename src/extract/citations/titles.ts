/**
 * Documents cited by name (tên văn bản) rather than by số ký hiệu: laws ("Luật Đầu tư công",
 * "Bộ luật Dân sự", "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn", "Hiến pháp"),
 * Party resolutions named after the meeting that passed them ("Nghị quyết Đại hội Đảng bộ tỉnh
 * lần thứ XVI", "Nghị quyết Trung ương 4") and projects known by number or quoted name
 * ("Đề án 1956", "Đề án “Thúc đẩy …”").
 *
 * A name has no closing mark, so where it ends is decided word by word: it stops before
 * "ngày", "năm", "số <symbol>", "của", "về", "và các", a semicolon or parenthesis, the next
 * citation, or a comma that is not followed by a short continuation ("Luật Thi đua, khen
 * thưởng" keeps its comma; "Luật Thi đua, Khen thưởng, qua đó làm chuyển biến …" stops at the
 * second one).
 */
import { citationStartsAt, nextWordAt } from "./issuer.js";
import { AMENDING_AT, ANOTHER_LAW, ENDS_PHONG, LINE_SPACE, PROJECT_NUMBER_AT, PROJECT_QUOTED_AT, RESOLUTION_NAME_AT, SO_AT, SPACES, STARTS_CHONG, STARTS_DIGIT, TITLE_NOISE, TYPE_AT, WORD_AT, WORD_CHAR } from "./patterns.js";
import { SYMBOL_AT } from "../../lexicon/document-number.js";
import { NOT_A_LAW_NAME_WORDS, TITLE_STOP_WORDS, TITLE_STOP_BIGRAMS } from "../../lexicon/stop-words.js";

const MAX_WORDS = 20;
/** Words a name may go on for after a comma ("Luật Quản lý, sử dụng vũ khí, vật liệu nổ …"). */
const MAX_AFTER_COMMA = 4;

export type NameKind = "law" | "resolution" | "project";

export interface TitleMatch {
  /** The name as printed, whitespace collapsed and markdown emphasis removed. */
  title: string;
  /** Number of a project cited by number ("Đề án 1956"). */
  number: string | null;
  end: number;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function clean(s: string): string {
  return s.replace(TITLE_NOISE, "").replace(SPACES, " ").trim();
}

/** True when "số <symbol>" starts at `pos` (the name is over, its symbol follows). */
function symbolFollows(folded: string, pos: number): boolean {
  SO_AT.lastIndex = pos;
  const so = SO_AT.exec(folded);
  if (!so) return false;
  SYMBOL_AT.lastIndex = pos + so[0].length;
  return SYMBOL_AT.test(folded);
}

/**
 * Reads the name that follows a type word ending at `typeEnd`. `typeStart` is where the printed
 * type word begins (the title includes it). Returns null when no name follows.
 */
export function readTitle(
  text: string,
  folded: string,
  typeStart: number,
  typeEnd: number,
  kind: NameKind,
  allowBareType: boolean,
): TitleMatch | null {
  if (kind === "project") return readProject(text, folded, typeStart, typeEnd);
  if (kind === "resolution") {
    RESOLUTION_NAME_AT.lastIndex = typeEnd;
    if (!RESOLUTION_NAME_AT.test(folded)) return null;
  }
  let end = typeEnd;
  let words = 0;
  const pos = typeEnd;

  // "Luật sửa đổi, bổ sung một số điều của Luật Địa chất và khoáng sản": one name, two type words.
  if (kind === "law") {
    AMENDING_AT.lastIndex = typeEnd;
    const amending = AMENDING_AT.exec(folded);
    if (amending) {
      end = typeEnd + amending[0].length;
      const next = nextWordAt(folded, end);
      if (next) {
        TYPE_AT.lastIndex = next.start;
        const inner = TYPE_AT.exec(folded);
        if (inner && isUpper(next.word[0])) end = next.start + inner[0].length;
        else end = readAmendedSubject(folded, end);
      }
      const nameEnd = readNameRest(folded, end);
      return { title: clean(text.slice(typeStart, nameEnd)), number: null, end: nameEnd };
    }
  }

  const walked = walkName(folded, pos, kind, words);
  end = Math.max(end, walked.end);
  words = walked.words;
  if (words === 0 && !allowBareType) return null;
  return { title: clean(text.slice(typeStart, end)), number: null, end };
}

/**
 * What an amending law amends when it is not one named law: "… của 10 luật có liên quan đến an
 * ninh, trật tự". Runs to its "số <symbol>", a date or year, or punctuation other than a comma.
 */
function readAmendedSubject(folded: string, pos: number): number {
  let end = pos;
  let i = pos;
  for (let words = 0; words < 30; words++) {
    let j = i;
    while (j < folded.length && (folded[j] === " " || folded[j] === "," || folded[j] === "\n") && j - i < 8) j++;
    if (j === i) break;
    WORD_AT.lastIndex = j;
    const m = WORD_AT.exec(folded);
    if (!m) break;
    const lower = m[0].toLowerCase();
    if (lower === "ngày" || lower === "năm" || (lower === "số" && symbolFollows(folded, j - 1))) break;
    end = i = j + m[0].length;
  }
  return end;
}

/**
 * After the inner type word of an amending law: the amended law's own name, and the other laws
 * it amends ("… của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương").
 */
function readNameRest(folded: string, pos: number): number {
  let end = pos;
  for (let laws = 0; laws < 4; laws++) {
    end = walkName(folded, end, "law", 1).end;
    const another = ANOTHER_LAW.exec(folded.slice(end, end + 16));
    if (!another) break;
    end += another[0].length;
  }
  return end;
}


/**
 * Walks the words of a name from `pos`: stops at a stop word, the next citation, or a comma not
 * followed by a short continuation. `words` is how many words the name already has.
 */
function walkName(folded: string, start: number, kind: NameKind, wordsBefore: number): { end: number; words: number } {
  let end = start;
  let pos = start;
  let words = wordsBefore;
  let commas = 0;
  while (words < MAX_WORDS) {
    let i = pos;
    let spaces = 0;
    let newlines = 0;
    while (i < folded.length && (folded[i] === " " || folded[i] === "\t" || folded[i] === "\n") && spaces < 16) {
      if (folded[i] === "\n" && ++newlines > 1) break;
      i++;
      spaces++;
    }
    if (folded[i] === "," && words > 0) {
      if (commas >= 2 || !shortContinuationAfterComma(folded, i + 1)) break;
      commas++;
      pos = i + 1;
      continue;
    }
    if (spaces === 0 || newlines > 1) break;
    WORD_AT.lastIndex = i;
    const m = WORD_AT.exec(folded);
    if (!m) break;
    const word = m[0];
    const lower = word.toLowerCase();
    if (!acceptWord(folded, i, word, lower, words, kind)) break;
    words++;
    end = i + word.length;
    pos = end;
  }
  return { end, words };
}

/** Whether `word` at `i` continues the name. */
function acceptWord(folded: string, i: number, word: string, lower: string, words: number, kind: NameKind): boolean {
  const capital = isUpper(word[0]);
  if (STARTS_DIGIT.test(word)) {
    // Laws have no digits in their names ("Luật Đất đai 2013": the year follows).
    // A resolution may: "Nghị quyết Trung ương 4".
    return kind === "resolution" && word.length <= 3;
  }
  if (words === 0 && kind === "law" && NOT_A_LAW_NAME_WORDS.has(lower)) return false;
  if (lower === "số") return words > 0 && !symbolFollows(folded, i - 1);
  if (!capital) {
    if (TITLE_STOP_WORDS.has(lower)) return false;
    const next = nextWordAt(folded, i + word.length);
    if (next && TITLE_STOP_BIGRAMS.has(`${lower} ${next.word.toLowerCase()}`)) return false;
    if (lower === "và") {
      // "Luật Địa chất và khoáng sản" goes on; "và các văn bản", "và Luật …" do not.
      if (!next || STARTS_DIGIT.test(next.word)) return false;
      const nextLower = next.word.toLowerCase();
      if (TITLE_STOP_WORDS.has(nextLower) || nextLower === "và") return false;
      if (isUpper(next.word[0]) && startsType(folded, next.start)) return false;
    }
    return true;
  }
  // A capitalised type word starts the next citation ("Luật Khoáng sản, Luật Xây dựng").
  if (words > 0 && (startsType(folded, i) || citationStartsAt(folded, i))) return false;
  return true;
}

function startsType(folded: string, pos: number): boolean {
  TYPE_AT.lastIndex = pos;
  return TYPE_AT.test(folded);
}

/**
 * After a comma inside a name: true when one to four ordinary words follow and then the name
 * visibly ends (punctuation, a stop word, the end of the unit): "Thi đua, khen thưởng;".
 */
function shortContinuationAfterComma(folded: string, pos: number): boolean {
  // "Luật Phòng, chống …" (phòng, chống: prevention and control) is one phrase of many law names.
  if (ENDS_PHONG.test(folded.slice(Math.max(0, pos - 6), pos - 1)) && STARTS_CHONG.test(folded.slice(pos, pos + 12))) {
    return true;
  }
  let i = pos;
  let count = 0;
  for (;;) {
    let j = i;
    while (j < folded.length && LINE_SPACE.test(folded[j]) && j - i < 16) j++;
    if (j === folded.length) return count > 0;
    const c = folded[j];
    if (!WORD_CHAR.test(c)) return count > 0 && count <= MAX_AFTER_COMMA;
    if (j === i && count > 0) return false;
    WORD_AT.lastIndex = j;
    const m = WORD_AT.exec(folded);
    if (!m) return false;
    const lower = m[0].toLowerCase();
    if (count === 0 && (isUpper(m[0][0]) && (startsType(folded, j) || citationStartsAt(folded, j)))) return false;
    if (count === 0 && (TITLE_STOP_WORDS.has(lower) || STARTS_DIGIT.test(m[0]))) return false;
    if (count > 0 && (TITLE_STOP_WORDS.has(lower) || lower === "và" || STARTS_DIGIT.test(m[0]))) return count <= MAX_AFTER_COMMA;
    if (count > 0 && lower === "số" && symbolFollows(folded, j - 1)) return true;
    count++;
    if (count > MAX_AFTER_COMMA) return false;
    i = j + m[0].length;
  }
}

/** "Đề án 1956", "Đề án số 08", "Đề án “Thúc đẩy …”". */
function readProject(text: string, folded: string, typeStart: number, typeEnd: number): TitleMatch | null {
  const typeWord = text.slice(typeStart, typeEnd).replace(SPACES, " ");
  PROJECT_NUMBER_AT.lastIndex = typeEnd;
  const n = PROJECT_NUMBER_AT.exec(folded);
  if (n && n.groups) {
    return { title: `${typeWord} ${n.groups.num}`, number: n.groups.num, end: typeEnd + n[0].length };
  }
  PROJECT_QUOTED_AT.lastIndex = typeEnd;
  const q = PROJECT_QUOTED_AT.exec(folded);
  if (q && q.groups) {
    const nameStart = typeEnd + q[0].indexOf(q.groups.name);
    const name = clean(text.slice(nameStart, nameStart + q.groups.name.length));
    return { title: `${typeWord} “${name}”`, number: null, end: typeEnd + q[0].length };
  }
  return null;
}
