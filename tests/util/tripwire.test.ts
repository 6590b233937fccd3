import { describe, expect, it } from "vitest";
import { createTripwire } from "../../src/util/tripwire.js";

const later = <T>(value: T, ms = 5) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("createTripwire", () => {
  it("settles a race with its work when the wire is not tripped", async () => {
    const wire = createTripwire<string>();
    await expect(wire.race(later("work"))).resolves.toBe("work");
    await expect(wire.race(Promise.reject(new Error("failed")))).rejects.toThrow("failed");
  });

  it("settles pending races with the trip, and later ones at once; only the first trip counts", async () => {
    const wire = createTripwire<string>();
    const pending = wire.race(later("work", 50));
    wire.trip({ value: "stopped" });
    wire.trip({ value: "again" });
    await expect(pending).resolves.toBe("stopped");
    await expect(wire.race(later("work"))).resolves.toBe("stopped");
    const failed = createTripwire();
    const job = failed.race(later("work", 50));
    failed.trip({ error: new Error("worker died") });
    await expect(job).rejects.toThrow("worker died");
  });

  it("forgets each race once its work settles (a pending promise raced against kept them all)", async () => {
    const wire = createTripwire<string>();
    const races = Array.from({ length: 100 }, (_, k) => wire.race(later(`record ${k}`, k % 7)));
    expect(wire.waiting).toBe(100);
    await Promise.all(races);
    expect(wire.waiting).toBe(0);
  });

  it("takes a work's late rejection after a trip (no unhandled rejection)", async () => {
    const wire = createTripwire<string>();
    const work = new Promise<string>((_, reject) => setTimeout(() => reject(new Error("late")), 10));
    const race = wire.race(work);
    wire.trip({ value: "stopped" });
    await expect(race).resolves.toBe("stopped");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wire.waiting).toBe(0);
  });
});
