// The sample clip's path as the panel hands it to the host, from the page's URL in CEP.
import { describe, expect, it } from "vitest";
import { sampleFileOf } from "../../src/panel/self-check/sample-file";

describe("sampleFileOf", () => {
  it("turns the page's file: URL into the sample's path, spaces and non-Latin names decoded", () => {
    expect(
      sampleFileOf(
        "file:///Library/Application%20Support/Adobe/CEP/extensions/com.eav.referencelookup/main/index.html",
      ),
    ).toBe("/Library/Application Support/Adobe/CEP/extensions/com.eav.referencelookup/self-check/sample.mp4");
    expect(sampleFileOf("file:///C:/Users/K%C3%B6ln/AppData/Roaming/Adobe/CEP/extensions/rl/main/index.html")).toBe(
      "C:/Users/Köln/AppData/Roaming/Adobe/CEP/extensions/rl/self-check/sample.mp4",
    );
  });

  it("leaves the preview's http: page to the host, which finds the sample beside its bundle", () => {
    expect(sampleFileOf("http://127.0.0.1:5173/main/index.html")).toBeUndefined();
  });
});
