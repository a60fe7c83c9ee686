// A small corrected library for the preview and the eval, written the way IA writes one: stills
// made by ffmpeg (the system's or npm's: src/sim/media-tools.ts), one synthetic source per planned
// shot, several moments each, beside an `.ingest-metadata.json` keyed by file id
// (docs/facts/ia-contract.md). The sample clips the preview imports come from the same sources at
// other moments, so their suggestions have real evidence.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { IaMetadata, IaShotType } from "../../shared/metadata/ia-metadata";
import { mediaTool } from "../../sim/media-tools";
import { SAMPLE_SHOTS } from "../catalog/seed";

interface LibraryShot {
  /** the seeded EAV shot this reference is linked to */
  shotNumber: (typeof SAMPLE_SHOTS)[number]["n"];
  /** ffmpeg lavfi source: the "look" of this shot */
  source: string;
  shotType: IaShotType;
  keywords: string[];
}

/** Shot types follow the explicit mapping: EAV Tracking → IA TRACK, Establishing → ESTAB. */
const LIBRARY: LibraryShot[] = [
  { shotNumber: 1, source: "testsrc2", shotType: "MID", keywords: ["oven", "steel", "door open"] },
  { shotNumber: 2, source: "testsrc", shotType: "CU", keywords: ["oven", "steel", "handle"] },
  { shotNumber: 3, source: "mandelbrot", shotType: "CU", keywords: ["hob", "glass", "cloth"] },
  { shotNumber: 4, source: "life", shotType: "TRACK", keywords: ["kitchen", "worktop"] },
  { shotNumber: 5, source: "smptebars", shotType: "CU", keywords: ["tap", "chrome", "water"] },
  { shotNumber: 6, source: "smptehdbars", shotType: "ESTAB", keywords: ["bathroom", "tiles"] },
  { shotNumber: 7, source: "cellauto", shotType: "FP", keywords: ["boiler", "pipes"] },
  { shotNumber: 8, source: "rgbtestsrc", shotType: "WS", keywords: ["garden", "lawn"] },
];

/** Moments of each source the references show; the preview's sample clips use 0–4 s. */
const MOMENTS = [5.2, 7.6, 9.8];

export interface LibraryEntry {
  id: string;
  file: string;
  metadata: IaMetadata;
  shotNumber: number;
}

export interface SampleLibrary {
  folder: string;
  entries: LibraryEntry[];
}

export function makeSampleLibrary(root: string): SampleLibrary {
  const folder = path.join(root, "Sample library — Küche");
  fs.mkdirSync(folder, { recursive: true });
  const entries: LibraryEntry[] = [];
  const sidecar: Record<string, unknown> = { _schema: "2.0", _completed: true };
  for (const shot of LIBRARY) {
    const planned = SAMPLE_SHOTS.find((s) => s.n === shot.shotNumber)!;
    MOMENTS.forEach((at, i) => {
      const id = `EA${shot.shotNumber}${String(i + 1).padStart(4, "0")}`;
      const metadata: IaMetadata = {
        location: planned.loc,
        subject: planned.subject,
        action: planned.action,
        shotType: shot.shotType,
        shotNumber: planned.n,
        keywords: shot.keywords,
      };
      const name = `${planned.loc}-${planned.subject}-${planned.action}-${shot.shotType}-s${planned.n}-${i + 1}.jpg`;
      const file = path.join(folder, name.replace(/ /g, "_"));
      if (!fs.existsSync(file)) {
        execFileSync(
          mediaTool("ffmpeg"),
          [
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            `${shot.source}=size=480x270:rate=25`,
            "-ss",
            String(at),
            "-frames:v",
            "1",
            "-q:v",
            "4",
            file,
          ],
          { stdio: ["ignore", "ignore", "pipe"] },
        );
      }
      entries.push({ id, file, metadata, shotNumber: planned.n });
      sidecar[id] = {
        id,
        originalFilename: path.basename(file),
        currentFilename: path.basename(file),
        filePath: file,
        extension: "jpg",
        fileType: "image",
        cameraId: id,
        shotNumber: planned.n,
        shotName: `${planned.loc}-${planned.subject}-${shot.shotType}-#${planned.n}`,
        keywords: shot.keywords,
        lockedFields: [],
        location: planned.loc,
        subject: planned.subject,
        action: planned.action,
        shotType: shot.shotType,
        processedByAI: true,
        createdAt: "2026-11-01T09:00:00.000Z",
        createdBy: "ingest-assistant",
        modifiedAt: "2026-11-02T10:00:00.000Z",
        modifiedBy: "manual",
        version: 2,
      };
    });
  }
  fs.writeFileSync(path.join(folder, ".ingest-metadata.json"), JSON.stringify(sidecar, null, 2));
  return { folder, entries };
}
