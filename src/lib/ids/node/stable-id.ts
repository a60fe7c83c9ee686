// The same text always gives the same reference id, so an import run again never duplicates.
import crypto from "node:crypto";
import { uuidFromHex } from "../new-id";

export function stableId(text: string): string {
  return uuidFromHex(crypto.createHash("sha256").update(text).digest("hex"));
}
