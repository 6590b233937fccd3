import { PLACE_DATE_AT, PLACE_START, PLACE_WORD_RUN } from "../lexicon/dates.js";
import { learnUnitTest } from "../text/unit-table.js";

const isPlaceStart = learnUnitTest(PLACE_START);

/**
 * `PLACE_DATE.exec(text)` (Địa danh và thời gian: "Kon Tum, ngày 15 tháng 01 năm 2023") in time
 * linear in the text. PLACE_DATE tried at every position read a run of letters to its end from
 * each capital in it: 40,000 capitals in a header line took 11 s. Its place name's first word
 * ends where its run of letters ends (what follows it, a space or a comma, is not in the run), so
 * from any capital of a run the pattern matches the same way or not at all: it is tried only at
 * the first capital of each run, which is also where the leftmost match would start.
 */
export function findPlaceDate(text: string): RegExpExecArray | null {
  PLACE_WORD_RUN.lastIndex = 0;
  for (let run = PLACE_WORD_RUN.exec(text); run !== null; run = PLACE_WORD_RUN.exec(text)) {
    const end = run.index + run[0].length;
    let start = run.index;
    while (start < end && !isPlaceStart(text.charCodeAt(start))) start++;
    if (start === end) continue;
    PLACE_DATE_AT.lastIndex = start;
    const found = PLACE_DATE_AT.exec(text);
    if (found !== null) return found;
  }
  return null;
}
