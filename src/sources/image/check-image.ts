import { crc32 } from "node:zlib";
import { VanbanError } from "../../errors.js";

/**
 * Checks that a PNG or JPEG file is whole before any decoder sees it: the native image decoder
 * crashes the process on some truncated files (a 45-byte PNG cut inside its first data chunk),
 * so a file cut short must be refused as `corrupt` here, in plain code. TIFF is decoded by a
 * JavaScript library that throws instead.
 */
export function checkImageStructure(data: Uint8Array, name: string | null): void {
  const what = name ?? "The image";
  if (isPng(data)) {
    const problem = pngProblem(data);
    if (problem) throw new VanbanError("corrupt", `${what} is not a whole PNG image: ${problem}.`);
  } else if (data[0] === 0xff && data[1] === 0xd8) {
    const problem = jpegProblem(data);
    if (problem) throw new VanbanError("corrupt", `${what} is not a whole JPEG image: ${problem}.`);
  }
}

function isPng(data: Uint8Array): boolean {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return signature.every((b, i) => data[i] === b);
}

/** Walks the chunks: each must fit in the file, IHDR first, at least one IDAT, IEND last. */
function pngProblem(data: Uint8Array): string | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 8;
  let first = true;
  let sawData = false;
  while (at + 8 <= data.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(data[at + 4], data[at + 5], data[at + 6], data[at + 7]);
    if (at + 12 + length > data.length) return `the ${type} chunk at byte ${at} runs past the end of the file`;
    if (first && type !== "IHDR") return "it does not start with its IHDR chunk";
    // A flipped bit inside a chunk is caught by its CRC before the decoder reads it.
    if (crc32(data.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return `the ${type} chunk at byte ${at} fails its CRC`;
    if (type === "IHDR") {
      const width = view.getUint32(at + 8);
      const height = view.getUint32(at + 12);
      if (width === 0 || height === 0) return "its width or height is zero";
    }
    if (type === "IDAT") sawData = true;
    if (type === "IEND") return sawData ? null : "it holds no image data (IDAT)";
    first = false;
    at += 12 + length;
  }
  return "it ends before its IEND chunk";
}

/** A JPEG must declare its frame (SOF) and end with EOI. */
function jpegProblem(data: Uint8Array): string | null {
  let end = data.length;
  // Some writers pad after EOI: look for it in the last bytes.
  while (end > 2 && data.length - end < 1024 && !(data[end - 2] === 0xff && data[end - 1] === 0xd9)) end--;
  if (end <= 2 || !(data[end - 2] === 0xff && data[end - 1] === 0xd9)) return "it ends without its end-of-image marker";
  for (let i = 2; i + 1 < end; i++) {
    if (data[i] !== 0xff) continue;
    const marker = data[i + 1];
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return null;
  }
  return "it declares no frame (SOF)";
}
