// Frames of a clip Chromium can decode (H.264/HEVC in MP4/MOV): seek a muted <video> and draw
// each sample onto a canvas. Fails fast when the codec is not supported (ProRes, DNx, …).

export class VideoUndecodable extends Error {}

function once(target: EventTarget, ok: string, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new VideoUndecodable(`timed out waiting for ${what}`)), timeoutMs);
    const onOk = () => done();
    const onError = () => done(new VideoUndecodable(`the browser cannot decode this video (${what})`));
    function done(error?: Error) {
      clearTimeout(timer);
      target.removeEventListener(ok, onOk);
      target.removeEventListener("error", onError);
      if (error) reject(error);
      else resolve();
    }
    target.addEventListener(ok, onOk);
    target.addEventListener("error", onError);
  });
}

/** JPEG frames at the given media times (seconds), at most 1920 px wide. */
export async function videoFrames(url: string, seconds: number[], timeoutMs = 10_000): Promise<Blob[]> {
  const video = document.createElement("video");
  video.muted = true;
  video.preload = "auto";
  video.crossOrigin = "anonymous";
  try {
    const loaded = once(video, "loadeddata", timeoutMs, "the first frame");
    video.src = url;
    await loaded;
    if (!video.videoWidth) throw new VideoUndecodable("the video has no decodable picture");
    const scale = Math.min(1, 1920 / video.videoWidth);
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    const ctx = canvas.getContext("2d")!;
    const frames: Blob[] = [];
    for (const t of seconds) {
      const seeked = once(video, "seeked", timeoutMs, `frame at ${t.toFixed(2)} s`);
      video.currentTime = Math.min(t, Math.max(0, video.duration - 0.001));
      await seeked;
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      frames.push(
        await new Promise<Blob>((resolve, reject) =>
          canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("canvas export failed"))), "image/jpeg", 0.92),
        ),
      );
    }
    return frames;
  } finally {
    video.removeAttribute("src");
    video.load();
  }
}
