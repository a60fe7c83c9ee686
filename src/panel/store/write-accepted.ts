// One accepted clip written to Premiere: IA's XMP contract and the project columns through the
// host, then the correction in IA's corrections file. Shared by Accept and the batch accept.
import type { HostClient } from "../../lib/bridge";
import type { IaMetadata } from "../../shared/metadata/ia-metadata";
import { toPanelError } from "./panel-error";
import type { QueuedClip } from "./queue-slice";

export async function writeAccepted(
  host: HostClient,
  nodeId: string,
  metadata: IaMetadata,
): Promise<NonNullable<QueuedClip["applied"]>> {
  const result = await host.call("writeClipMetadata", { nodeId, metadata, referenceStatus: "confirmed" });
  // IA's tools see the human's word too; a folder IA never saw is fine (a reason), a corrections
  // file that cannot be read or written is a problem the card shows: the clip itself is written
  const correction = await host.call("recordCorrection", { nodeId, metadata: result.metadata }).catch((e) => ({
    written: false,
    reason: undefined,
    problem: toPanelError("Recording the correction", e).detail,
  }));
  return {
    at: new Date().toISOString(),
    metadata: result.metadata,
    keptLocked: result.keptLocked,
    correction: { written: correction.written, reason: correction.reason, problem: correction.problem },
  };
}
