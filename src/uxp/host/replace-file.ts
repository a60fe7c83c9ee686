// Replacing a sidecar so that a crash, a full disk or a closed Premiere never leaves it cut short,
// as the ExtendScript host does (src/jsx/host/replace-file.ts, ADR 0022): the new bytes are
// written beside it and checked, the old file is moved aside, the new one renamed into place.
// Whether UXP's rename replaces an existing file is not documented, so the old one is always
// moved aside first. After a crash between the renames the next read finishes the job.
import { binaryToBytes } from "./bytes";
import type { HostContext } from "./context";
import { messageOf } from "./failure";

const WRITING = ".writing";
const PREVIOUS = ".previous";

async function removeIfThere(ctx: HostContext, path: string): Promise<void> {
  try {
    if (await ctx.services.files.kind(path)) await ctx.services.files.remove(path);
  } catch {
    // what cannot be removed shows up when it is written over
  }
}

/** Writes `bytes` (one character per byte) as `file`; null when done, else what went wrong in
 * plain words (the old file is then as it was). */
export async function replaceFile(ctx: HostContext, file: string, bytes: string): Promise<string | null> {
  const files = ctx.services.files;
  const next = file + WRITING;
  const previous = file + PREVIOUS;
  await removeIfThere(ctx, next);
  try {
    await files.write(next, binaryToBytes(bytes));
    const size = await files.size(next);
    if (size !== bytes.length) throw new Error("the disk took " + size + " of " + bytes.length + " bytes");
  } catch (e) {
    await removeIfThere(ctx, next);
    return "writing " + next + " failed (" + messageOf(e) + ")";
  }
  await removeIfThere(ctx, previous);
  const hadOld = (await files.kind(file)) === "file";
  if (hadOld) {
    try {
      await files.rename(file, previous);
    } catch (e) {
      await removeIfThere(ctx, next);
      return "the old " + file + " could not be moved aside: " + messageOf(e);
    }
  }
  try {
    await files.rename(next, file);
  } catch (e) {
    if (hadOld) await files.rename(previous, file).catch(() => undefined); // the folder is as it was
    return "the new " + file + " could not take its name: " + messageOf(e);
  }
  await removeIfThere(ctx, previous);
  return null;
}

/** After a crash inside replaceFile: with the old file aside, the new one (whole by then) takes
 * its name; a new file beside a file still there (or never there) may be cut short, and goes. */
export async function completeInterruptedReplace(ctx: HostContext, file: string): Promise<void> {
  const files = ctx.services.files;
  const next = file + WRITING;
  const previous = file + PREVIOUS;
  try {
    if (!(await files.kind(file)) && (await files.kind(previous)) === "file") {
      const moved =
        (await files.kind(next)) === "file" &&
        (await files.rename(next, file).then(
          () => true,
          () => false,
        ));
      if (!moved) await files.rename(previous, file);
    }
  } catch {
    // left for the next read; the sidecar reads as it is meanwhile
  }
  await removeIfThere(ctx, next);
  if (await files.kind(file)) await removeIfThere(ctx, previous);
}
