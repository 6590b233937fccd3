import { createRequire } from "node:module";

/**
 * pdfjs in Node takes DOMMatrix, Path2D and ImageData from the optional package @napi-rs/canvas
 * and evaluates `new DOMMatrix()` while its module loads. Installed with `--omit=optional` (Docker,
 * musl), every PDF would then fail with a raw ReferenceError. Reading a text layer never draws, so
 * minimal stand-ins are enough; rendering (OCR) still needs the real package and says so.
 */

/** Loads @napi-rs/canvas; injectable so a test can make the optional package look missing. */
export type LoadCanvas = () => unknown;

const requireHere = createRequire(typeof __filename === "string" ? __filename : import.meta.url);
const loadCanvasPackage: LoadCanvas = () => requireHere("@napi-rs/canvas");

/** pdfjs's console line when it cannot load the package (noise once the stand-ins are in place). */
const CANVAS_WARNING = /^Warning: Cannot (?:load "@napi-rs\/canvas"|polyfill `(?:DOMMatrix|ImageData|Path2D)`)/;

/**
 * Makes the globals pdfjs needs exist before it is imported. Returns why @napi-rs/canvas could not
 * be loaded (stand-ins installed), or null when the package (or a DOM) provides them.
 */
export function installCanvasPolyfills(loadCanvas: LoadCanvas = loadCanvasPackage): string | null {
  const g = globalThis as Record<string, unknown>;
  if (g.DOMMatrix && g.Path2D && g.ImageData) return null;
  let reason: string;
  try {
    loadCanvas();
    return null;
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  g.DOMMatrix ??= AffineMatrix;
  g.Path2D ??= InertPath;
  g.ImageData ??= PixelData;
  return reason;
}

/**
 * Runs pdfjs's import with its "cannot load @napi-rs/canvas" warnings filtered out, when the
 * stand-ins are in place: the missing package is expected, and would print on every CLI run.
 */
export async function importQuietly<T>(load: () => Promise<T>, canvasMissing: boolean): Promise<T> {
  if (!canvasMissing) return load();
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && CANVAS_WARNING.test(args[0])) return;
    warn(...args);
  };
  try {
    return await load();
  } finally {
    console.warn = warn;
  }
}

type MatrixInit = ArrayLike<number> | { a: number; b: number; c: number; d: number; e: number; f: number };

/** A 2-D affine DOMMatrix: what pdfjs computes with outside of drawing. */
class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  readonly is2D = true;

  constructor(init?: MatrixInit) {
    if (!init) return;
    if ("a" in init) {
      ({ a: this.a, b: this.b, c: this.c, d: this.d, e: this.e, f: this.f } = init);
    } else if (init.length >= 6) {
      [this.a, this.b, this.c, this.d, this.e, this.f] = [init[0], init[1], init[2], init[3], init[4], init[5]];
    }
  }

  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }

  multiplySelf(o: MatrixInit = new AffineMatrix()): this {
    return this.set(compose(this, toMatrix(o)));
  }

  preMultiplySelf(o: MatrixInit = new AffineMatrix()): this {
    return this.set(compose(toMatrix(o), this));
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf([1, 0, 0, 1, tx, ty]);
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf([sx, 0, 0, sy, 0, 0]);
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (!det) return this.set([NaN, NaN, NaN, NaN, NaN, NaN]);
    const { a, b, c, d, e, f } = this;
    return this.set([d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]);
  }

  multiply(o?: MatrixInit): AffineMatrix {
    return new AffineMatrix(this).multiplySelf(o);
  }

  translate(tx?: number, ty?: number): AffineMatrix {
    return new AffineMatrix(this).translateSelf(tx, ty);
  }

  scale(sx?: number, sy?: number): AffineMatrix {
    return new AffineMatrix(this).scaleSelf(sx, sy);
  }

  inverse(): AffineMatrix {
    return new AffineMatrix(this).invertSelf();
  }

  transformPoint(p: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }

  private set(m: number[]): this {
    [this.a, this.b, this.c, this.d, this.e, this.f] = m;
    return this;
  }
}

function toMatrix(o: MatrixInit): AffineMatrix {
  return o instanceof AffineMatrix ? o : new AffineMatrix(o);
}

/** l × r, both affine (the DOMMatrix order: r is applied first). */
function compose(l: AffineMatrix, r: AffineMatrix): number[] {
  return [
    l.a * r.a + l.c * r.b,
    l.b * r.a + l.d * r.b,
    l.a * r.c + l.c * r.d,
    l.b * r.c + l.d * r.d,
    l.a * r.e + l.c * r.f + l.e,
    l.b * r.e + l.d * r.f + l.f,
  ];
}

/** A Path2D that records nothing: paths only matter when a page is drawn. */
class InertPath {
  addPath(): void {}
  moveTo(): void {}
  lineTo(): void {}
  bezierCurveTo(): void {}
  quadraticCurveTo(): void {}
  rect(): void {}
  arc(): void {}
  ellipse(): void {}
  closePath(): void {}
}

/** ImageData as the DOM defines it: RGBA bytes and a size. */
class PixelData {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;

  constructor(dataOrWidth: Uint8ClampedArray | number, widthOrHeight: number, height?: number) {
    if (typeof dataOrWidth === "number") {
      this.width = dataOrWidth;
      this.height = widthOrHeight;
      this.data = new Uint8ClampedArray(dataOrWidth * widthOrHeight * 4);
    } else {
      this.data = dataOrWidth;
      this.width = widthOrHeight;
      this.height = height ?? dataOrWidth.length / 4 / widthOrHeight;
    }
  }
}
