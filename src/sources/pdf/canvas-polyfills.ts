import { createRequire, Module } from "node:module";

/**
 * pdfjs in Node takes DOMMatrix, Path2D and ImageData from the optional package @napi-rs/canvas
 * as its module loads, and evaluates `new DOMMatrix()` then. The package is a native library:
 * loading it is ~60 ms of a cold process (a CLI run of a PDF pays it in its child) and tens of
 * MB of resident memory, and reading a text layer never draws. So pdfjs loads with stand-ins,
 * and the package is loaded only when something uses one of the three globals after that
 * (drawing a page for OCR or the review page, or a caller's own pdfjs rendering): the globals
 * are accessors that then put the package's classes in their place. Installed with
 * `--omit=optional` (Docker, musl), the stand-ins stay: text still reads, and rendering says
 * the package is missing.
 */

/** Loads @napi-rs/canvas; injectable so a test can make the optional package look missing. */
export type LoadCanvas = () => unknown;

const requireHere = createRequire(typeof __filename === "string" ? __filename : import.meta.url);
const loadCanvasPackage: LoadCanvas = () => requireHere("@napi-rs/canvas");

/** pdfjs's console line when it cannot load the package (noise once the stand-ins are in place). */
const CANVAS_WARNING = /^Warning: Cannot (?:load "@napi-rs\/canvas"|polyfill `(?:DOMMatrix|ImageData|Path2D)`)/;

const GLOBAL_NAMES = ["DOMMatrix", "Path2D", "ImageData"] as const;
type GlobalName = (typeof GLOBAL_NAMES)[number];

/**
 * Makes the globals pdfjs needs exist before it is imported: the stand-ins while `load` runs (it
 * imports pdfjs), accessors that load the package on first use afterwards. pdfjs's own
 * `require("@napi-rs/canvas")` finds a stand-in module meanwhile. Globals already there (a DOM,
 * or the package set up by the caller) are left alone.
 */
export async function withDeferredCanvas<T>(load: () => Promise<T>, loadCanvas: LoadCanvas = loadCanvasPackage): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  const missing = GLOBAL_NAMES.filter((name) => !(name in g));
  if (missing.length === 0) return load();
  let importing = true;
  // Names still deferred: one the caller assigns meanwhile is theirs from then on.
  const deferred = new Set<GlobalName>(missing);
  const own = (name: GlobalName, value: unknown): void => {
    deferred.delete(name);
    Object.defineProperty(g, name, { value, writable: true, configurable: true });
  };
  const settle = (name: GlobalName): unknown => {
    const canvas = tryLoad(loadCanvas);
    for (const n of [...deferred]) own(n, canvas?.[n] ?? STAND_INS[n]);
    return g[name];
  };
  for (const name of missing) {
    Object.defineProperty(g, name, {
      configurable: true,
      get: () => (importing ? STAND_INS[name] : settle(name)),
      set: (value: unknown) => own(name, value),
    });
  }
  const removePlaceholder = placeCanvasPlaceholder(loadCanvas);
  try {
    return await load();
  } finally {
    removePlaceholder();
    importing = false;
  }
}

/** The package, or null when it cannot be loaded (not installed, or no native build for this platform). */
function tryLoad(loadCanvas: LoadCanvas): Record<string, unknown> | null {
  try {
    return loadCanvas() as Record<string, unknown>;
  } catch {
    // The package is optional and not ours: the stand-ins stay, and OCR reports why (ocr_unavailable).
    return null;
  }
}

/**
 * A stand-in module where pdfjs's `require("@napi-rs/canvas")` resolves, unless the package is
 * already loaded (then it costs nothing) or missing (pdfjs warns; `importQuietly` filters it).
 * pdfjs only keeps what it gets (the globals are there, it reads nothing of it); anyone else
 * who requires the package meanwhile (another document's OCR, while pdfjs loads) gets an object
 * that loads the real one on first use and forwards to it. Returns what removes it, so that
 * every later require loads the real package.
 */
function placeCanvasPlaceholder(loadCanvas: LoadCanvas): () => void {
  let path: string;
  try {
    path = createRequire(requireHere.resolve("pdfjs-dist/legacy/build/pdf.mjs")).resolve("@napi-rs/canvas");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "MODULE_NOT_FOUND") return () => {};
    throw error;
  }
  const cache = requireHere.cache;
  if (cache[path] !== undefined) return () => {};
  const placeholder = new Module(path);
  const remove = (): void => {
    if (cache[path] === placeholder) delete cache[path];
  };
  let real: object | undefined;
  const load = (): object => {
    remove();
    return (real ??= loadCanvas() as object);
  };
  placeholder.filename = path;
  placeholder.loaded = true;
  placeholder.exports = new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(load(), key),
      has: (_, key) => Reflect.has(load(), key),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const found = Reflect.getOwnPropertyDescriptor(load(), key);
        // The target is empty: a proxy may only report configurable properties it does not have.
        return found && { ...found, configurable: true };
      },
    },
  );
  cache[path] = placeholder;
  return remove;
}

/**
 * Runs pdfjs's import with its "cannot load @napi-rs/canvas" warnings filtered out: with the
 * stand-ins in place the missing package is expected, and would print on every CLI run.
 */
export async function importQuietly<T>(load: () => Promise<T>): Promise<T> {
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

const STAND_INS: Record<GlobalName, unknown> = { DOMMatrix: AffineMatrix, Path2D: InertPath, ImageData: PixelData };
