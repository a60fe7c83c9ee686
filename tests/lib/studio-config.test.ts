// The studio config's settings defaults: what `npm run zxp -- --config` and the panel accept.
import { describe, expect, it } from "vitest";
import { studioConfigProblem } from "../../src/lib/studio-config";

const catalog = { url: "https://abc.supabase.co", anonKey: "a.b.c" };

describe("studio config defaults", () => {
  it("accepts each default within its range, and a config without any", () => {
    expect(studioConfigProblem({ catalog })).toBeNull();
    expect(
      studioConfigProblem({
        catalog,
        defaults: { framesPerClip: 1, matchesPerFrame: 50, abstentionThreshold: 0, batchConfidence: 1 },
      }),
    ).toBeNull();
  });

  it("names the default that does not fit", () => {
    expect(studioConfigProblem({ defaults: { framesPerClip: 11 } })).toBe(
      "defaults.framesPerClip must be a whole number from 1 to 10",
    );
    expect(studioConfigProblem({ defaults: { matchesPerFrame: 2.5 } })).toBe(
      "defaults.matchesPerFrame must be a whole number from 1 to 50",
    );
    expect(studioConfigProblem({ defaults: { batchConfidence: "0.9" } })).toBe(
      "defaults.batchConfidence must be a number from 0 to 1",
    );
    expect(studioConfigProblem({ defaults: { threshold: 0.5 } })).toBe("defaults.threshold is not a setting");
    expect(studioConfigProblem({ defaults: [] })).toBe("defaults must be an object");
    expect(studioConfigProblem({ catalog: { url: "https://abc.supabase.co", anonKey: "a b.c" } })).toBe(
      "catalog.anonKey must be the project's anon key (a JWT)",
    );
  });
});
