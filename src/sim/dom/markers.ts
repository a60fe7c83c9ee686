// Markers on a sequence or a clip: created, iterated in time order, coloured, typed, removed.
import crypto from "node:crypto";
import { SimDomObject } from "./dom-object";
import { SimTime, toTime } from "./time";

export class SimMarker extends SimDomObject {
  name: string;
  comments: string;
  start: SimTime;
  end: SimTime;
  type = "Comment";
  readonly guid = crypto.randomUUID();
  private colorIndex = 0;
  private webLink = { url: "", frameTarget: "" };

  constructor(startSeconds: number, name: string, durationSeconds: number, comments: string) {
    super();
    this.name = String(name ?? "");
    this.comments = String(comments ?? "");
    this.start = toTime(Number(startSeconds) || 0);
    this.end = toTime((Number(startSeconds) || 0) + (Number(durationSeconds) || 0));
  }
  getColorByIndex(): number {
    return this.colorIndex;
  }
  setColorByIndex(index: number): void {
    const i = Math.floor(Number(index));
    if (i >= 0 && i <= 7) this.colorIndex = i; // Premiere's eight marker colours
  }
  setTypeAsComment(): void {
    this.type = "Comment";
  }
  setTypeAsChapter(): void {
    this.type = "Chapter";
  }
  setTypeAsSegmentation(): void {
    this.type = "Segmentation";
  }
  setTypeAsWebLink(url: string, frameTarget: string): void {
    this.type = "WebLink";
    this.webLink = { url: String(url), frameTarget: String(frameTarget) };
  }
  getWebLinkURL(): string {
    return this.webLink.url;
  }
  getWebLinkFrameTarget(): string {
    return this.webLink.frameTarget;
  }
}

export class SimMarkerCollection extends SimDomObject {
  private readonly list: SimMarker[] = [];
  [index: number]: SimMarker;

  get numMarkers(): number {
    return this.list.length;
  }
  private reindex(): void {
    this.list.sort((a, b) => Number(a.start.ticks) - Number(b.start.ticks));
    for (let i = 0; i < this.list.length + 1; i++) delete this[i];
    this.list.forEach((m, i) => (this[i] = m));
  }
  createMarker(start: number, name: string, duration: number, comments: string): SimMarker {
    const marker = new SimMarker(start, name, duration, comments);
    this.list.push(marker);
    this.reindex();
    return marker;
  }
  deleteMarker(marker: SimMarker): void {
    const i = this.list.indexOf(marker);
    if (i >= 0) this.list.splice(i, 1);
    this.reindex();
  }
  getFirstMarker(): SimMarker | undefined {
    return this.list[0];
  }
  getLastMarker(): SimMarker | undefined {
    return this.list[this.list.length - 1];
  }
  getNextMarker(marker: SimMarker): SimMarker | undefined {
    const i = this.list.indexOf(marker);
    return i >= 0 ? this.list[i + 1] : undefined;
  }
  getPrevMarker(marker: SimMarker): SimMarker | undefined {
    const i = this.list.indexOf(marker);
    return i > 0 ? this.list[i - 1] : undefined;
  }
}
