// The simulated `premierepro` module: the static classes of @adobe/premierepro 26.3 over one
// UxpWorld, plus Exporter.exportSequenceFrame writing real frames with ffmpeg, later, as Premiere
// does, and 26.3.2's double extension ("frame.png" written as "frame.png.png").
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { declareNotAvailable, notAvailable } from "../dom/dom-object";
import { PROJECT_METADATA_NS, ProjectItemType, type SimProjectItem } from "../premiere-dom";
import { EXPORT_LATENCY_MS, decodeArgs, sourceTicksAt, type ExportRecord } from "../qe-dom";
import type { HostClock } from "../host-clock";
import type { SimPaths } from "../sim-paths";
import { TICKS_PER_SECOND } from "../dom/time";
import { UxpAction, UxpCompoundAction } from "./uxp-actions";
import {
  UxpClipProjectItem,
  UxpFolderItem,
  UxpProject,
  UxpProjectItem,
  UxpProjectItemSelection,
  UxpSequence,
  UxpTrackItemSelection,
  wrapItem,
  wrapProject,
  type UxpWorld,
} from "./uxp-dom";
import { UxpFrameRate, UxpGuid, UxpTickTime, tickTimeArg } from "./uxp-time";

/** Premiere's runtime values for the enums the declarations list (Constants). */
export const UXP_CONSTANTS = {
  MediaType: { ANY: 0, DATA: 1, VIDEO: 2, AUDIO: 3 },
  ContentType: { ANY: 0, SEQUENCE: 1, MEDIA: 2 },
  TrackItemType: { EMPTY: 0, CLIP: 1, TRANSITION: 2, PREVIEW: 3, FEEDBACK: 4 },
  MetadataType: { INTEGER: 0, REAL: 1, TEXT: 2, BOOLEAN: 3 },
  OperationCompleteState: { SUCCESS: 0, CANCELLED: 1, FAILED: 2 },
  OperationCompleteEvent: {
    CLIP_EXTEND_REACHED: "clipExtendReached",
    EFFECT_DROP_COMPLETE: "effectDropComplete",
    EFFECT_DRAG_OVER: "effectDragOver",
    EXPORT_MEDIA_COMPLETE: "exportMediaComplete",
    GENERATIVE_EXTEND_COMPLETE: "generativeExtendComplete",
    IMPORT_MEDIA_COMPLETE: "importMediaComplete",
  },
  ProjectEvent: {
    OPENED: "opened",
    CLOSED: "closed",
    DIRTY: "dirty",
    ACTIVATED: "activated",
    PROJECT_ITEM_SELECTION_CHANGED: "projectItemSelectionChanged",
  },
};

const FRAME_FORMATS = ["bmp", "dpx", "gif", "jpg", "exr", "png", "tga", "tif"];

export interface UxpExportBehaviour {
  /** 26.3.2: the format's extension is appended even to a name that has it */
  doubleExtension: boolean;
  /** broken on purpose: the export is accepted and nothing is written */
  broken?: boolean;
}

function itemArg(world: UxpWorld, value: unknown, member: string): SimProjectItem {
  if (!(value instanceof UxpProjectItem)) throw new TypeError(`${member}: expected a ProjectItem`);
  return value.model;
}

class Listeners {
  private readonly list: Array<{ target: object | null; name: string; handler: (event?: object) => void }> = [];
  add(target: object | null, name: string, handler: (event?: object) => void): void {
    if (typeof handler !== "function") throw new TypeError("EventManager: expected a handler function");
    this.list.push({ target, name: String(name), handler });
  }
  remove(target: object | null, name: string, handler: (event?: object) => void): void {
    const i = this.list.findIndex((l) => l.target === target && l.name === String(name) && l.handler === handler);
    if (i >= 0) this.list.splice(i, 1);
  }
  /** listeners on the target (or on anything, when global) */
  matching(target: object | null, name: string) {
    return this.list.filter((l) => l.name === name && (l.target === null || l.target === target)).map((l) => l.handler);
  }
}

export interface UxpModuleOptions {
  world: UxpWorld;
  paths: SimPaths;
  clock: HostClock;
  exports: ExportRecord[];
  exportBehaviour: UxpExportBehaviour;
  /** false: no EncoderManager (Premiere without Media Encoder) */
  mediaEncoder?: boolean;
}

export function createUxpModule(options: UxpModuleOptions) {
  const { world, paths, clock } = options;
  const listeners = new Listeners();
  world.fire = (target, name, event) => {
    // Premiere calls listeners later, from its own thread
    setImmediate(() => {
      for (const handler of listeners.matching(target, name)) {
        try {
          handler(event);
        } catch {
          // a throwing listener stops neither the operation nor the other listeners
        }
      }
    });
  };
  const activeProject = () => (world.app.project ? wrapProject(world, world.app.project) : null);
  const requireModelProject = (member: string) => {
    if (!world.app.project) throw new Error(`${member}: no project is open`);
    return world.app.project;
  };

  const Project = {
    getActiveProject: () => world.settle(() => activeProject()),
    isProject: (path: string) => /\.prproj$/i.test(String(path)),
    getProject: (guid: UxpGuid) => {
      const p = activeProject();
      return p && String(p.guid) === String(guid) ? p : null;
    },
    createProject: notAvailable("Project.createProject"),
    open: notAvailable("Project.open"),
  };

  const ProjectItem = {
    TYPE_CLIP: ProjectItemType.CLIP,
    TYPE_BIN: ProjectItemType.BIN,
    TYPE_ROOT: ProjectItemType.ROOT,
    TYPE_FILE: ProjectItemType.FILE,
    TYPE_STYLE: 5,
    TYPE_COMPOUND: 6,
    cast: (item: UxpProjectItem) => wrapItem(world, itemArg(world, item, "ProjectItem.cast")),
  };

  /** Casting to the wrong class fails, as Premiere's cast of a bin to a clip does. */
  const FolderItem = {
    cast: (item: UxpProjectItem) => {
      const model = itemArg(world, item, "FolderItem.cast");
      const wrapped = wrapItem(world, model);
      if (!(wrapped instanceof UxpFolderItem)) throw new TypeError(`FolderItem.cast: '${model.name}' is not a bin`);
      return wrapped;
    },
  };
  const ClipProjectItem = {
    cast: (item: UxpProjectItem) => {
      const model = itemArg(world, item, "ClipProjectItem.cast");
      const wrapped = wrapItem(world, model);
      if (!(wrapped instanceof UxpClipProjectItem))
        throw new TypeError(`ClipProjectItem.cast: '${model.name}' is not a clip`);
      return wrapped;
    },
  };

  const VIEW = new UxpGuid("project-view-1");
  const ProjectUtils = {
    getSelection: (project: UxpProject) =>
      world.settle(() => {
        if (!(project instanceof UxpProject)) throw new TypeError("ProjectUtils.getSelection: expected a Project");
        return new UxpProjectItemSelection(world, world.app.projectViewSelection.slice());
      }),
    getProjectViewIds: () => world.settle(() => (world.app.project ? [VIEW] : [])),
    getProjectFromViewId: (guid: UxpGuid) =>
      world.settle(() => (String(guid) === String(VIEW) ? activeProject() : null)),
    getSelectionFromViewId: (guid: UxpGuid) =>
      world.settle(
        () =>
          new UxpProjectItemSelection(
            world,
            String(guid) === String(VIEW) ? world.app.projectViewSelection.slice() : [],
          ),
      ),
  };

  const Metadata = {
    METADATA_TYPE_INTEGER: 0,
    METADATA_TYPE_REAL: 1,
    METADATA_TYPE_TEXT: 2,
    METADATA_TYPE_BOOLEAN: 3,
    getProjectMetadata: (item: UxpProjectItem) =>
      world.settle(() => itemArg(world, item, "Metadata.getProjectMetadata").getProjectMetadata()),
    getXMPMetadata: (item: UxpProjectItem) =>
      world.settle(() => itemArg(world, item, "Metadata.getXMPMetadata").getXMPMetadata()),
    getProjectColumnsMetadata: (item: UxpProjectItem) =>
      world.settle(() => itemArg(world, item, "Metadata.getProjectColumnsMetadata").getProjectMetadata()),
    createSetProjectMetadataAction: (item: UxpProjectItem, metadata: string, updatedFields: string[]) => {
      const model = itemArg(world, item, "Metadata.createSetProjectMetadataAction");
      if (!Array.isArray(updatedFields))
        throw new TypeError("Metadata.createSetProjectMetadataAction: updatedFields must be an array");
      return new UxpAction("setProjectMetadata", () => model.setProjectMetadata(String(metadata), updatedFields));
    },
    createSetXMPMetadataAction: (item: UxpProjectItem, metadata: string) => {
      const model = itemArg(world, item, "Metadata.createSetXMPMetadataAction");
      return new UxpAction("setXMPMetadata", () => {
        model.setXMPMetadata(String(metadata)); // throws on a packet Premiere cannot parse
      });
    },
    addPropertyToProjectMetadataSchema: (name: string, label: string, type: number) =>
      world.settle(() =>
        requireModelProject("Metadata.addPropertyToProjectMetadataSchema").addPropertyToProjectMetadataSchema(
          name,
          label,
          type,
        ),
      ),
    getProjectPanelMetadata: () =>
      world.settle(() => requireModelProject("Metadata.getProjectPanelMetadata").getProjectPanelMetadata()),
    setProjectPanelMetadata: (metadata: string) =>
      world.settle(
        () => (requireModelProject("Metadata.setProjectPanelMetadata").setProjectPanelMetadata(metadata), true),
      ),
  };
  void PROJECT_METADATA_NS;

  const Exporter = {
    /** Resolves true once the export is queued; the file appears EXPORT_LATENCY_MS later. */
    exportSequenceFrame: (
      sequence: UxpSequence,
      time: UxpTickTime,
      filename: string,
      filepath: string,
      width: number,
      height: number,
    ) =>
      world.settle(() => {
        if (!(sequence instanceof UxpSequence))
          throw new TypeError("Exporter.exportSequenceFrame: expected a Sequence");
        const at = tickTimeArg(time, "Exporter.exportSequenceFrame").ticksNumber;
        const format = /\.([A-Za-z0-9]+)$/.exec(String(filename))?.[1]?.toLowerCase() ?? "";
        if (!FRAME_FORMATS.includes(format) || !(Number(width) > 0 && Number(height) > 0)) return false;
        if (options.exportBehaviour.broken) return true;
        const sep = paths.windows ? "\\" : "/";
        const requested = String(filepath).replace(/[\\/]+$/, "") + sep + String(filename);
        const written = options.exportBehaviour.doubleExtension ? `${requested}.${format}` : requested;
        const real = paths.toReal(written);
        if (!paths.allowed(real)) return false;
        const item = sequence.model.itemAt(at);
        const source = item?.projectItem.media;
        if (!item || !source) return false;
        const sourceSeconds = sourceTicksAt(item, at) / TICKS_PER_SECOND;
        clock.schedule(EXPORT_LATENCY_MS, () => {
          if (source.offline || !fs.existsSync(source.path)) return; // nothing is written
          execFileSync("ffmpeg", [
            "-loglevel",
            "error",
            "-y",
            ...decodeArgs(source, sourceSeconds),
            "-frames:v",
            "1",
            "-update",
            "1",
            real,
          ]);
          options.exports.push({ requestedPath: requested, writtenPath: written, realPath: real, sourceSeconds });
        });
        return true;
      }),
  };

  const EventManager = {
    addEventListener: (target: object, name: string, handler: (event?: object) => void) =>
      listeners.add(target, name, handler),
    removeEventListener: (target: object, name: string, handler: (event?: object) => void) =>
      listeners.remove(target, name, handler),
    addGlobalEventListener: (name: string, handler: (event?: object) => void) => listeners.add(null, name, handler),
    removeGlobalEventListener: (name: string, handler: (event?: object) => void) =>
      listeners.remove(null, name, handler),
  };

  const OperationCompleteEvent = {
    OPERATION_STATE_SUCCESS: 0,
    OPERATION_STATE_CANCELLED: 1,
    OPERATION_STATE_FAILED: 2,
    EVENT_IMPORT_MEDIA_COMPLETE: UXP_CONSTANTS.OperationCompleteEvent.IMPORT_MEDIA_COMPLETE,
    EVENT_EXPORT_MEDIA_COMPLETE: UXP_CONSTANTS.OperationCompleteEvent.EXPORT_MEDIA_COMPLETE,
    EVENT_EFFECT_DROP_COMPLETE: UXP_CONSTANTS.OperationCompleteEvent.EFFECT_DROP_COMPLETE,
    EVENT_EFFECT_DRAG_OVER: UXP_CONSTANTS.OperationCompleteEvent.EFFECT_DRAG_OVER,
    EVENT_CLIP_EXTEND_REACHED: UXP_CONSTANTS.OperationCompleteEvent.CLIP_EXTEND_REACHED,
    EVENT_GENERATIVE_EXTEND_COMPLETE: UXP_CONSTANTS.OperationCompleteEvent.GENERATIVE_EXTEND_COMPLETE,
  };

  const Application = {
    get version() {
      return world.app.version;
    },
  };

  const module = {
    Application,
    Project,
    ProjectItem,
    FolderItem,
    ClipProjectItem,
    ProjectUtils,
    Metadata,
    Exporter,
    EventManager,
    OperationCompleteEvent,
    TickTime: UxpTickTime,
    FrameRate: UxpFrameRate,
    Guid: UxpGuid,
    TrackItemSelection: UxpTrackItemSelection,
    AudioClipTrackItem: {
      TRACKITEMTYPE_EMPTY: 0,
      TRACKITEMTYPE_CLIP: 1,
      TRACKITEMTYPE_TRANSITION: 2,
      TRACKITEMTYPE_PREVIEW: 3,
      TRACKITEMTYPE_FEEDBACK: 4,
    },
    VideoClipTrackItem: {
      TRACKITEMTYPE_EMPTY: 0,
      TRACKITEMTYPE_CLIP: 1,
      TRACKITEMTYPE_TRANSITION: 2,
      TRACKITEMTYPE_PREVIEW: 3,
      TRACKITEMTYPE_FEEDBACK: 4,
    },
    VideoTrack: {
      EVENT_TRACK_CHANGED: "trackChanged",
      EVENT_TRACK_INFO_CHANGED: "trackInfoChanged",
      EVENT_TRACK_LOCK_CHANGED: "trackLockChanged",
    },
    Sequence: {},
    CompoundAction: UxpCompoundAction,
    Constants: UXP_CONSTANTS,
    ...(options.mediaEncoder === false ? {} : { EncoderManager: new SimEncoderManagerStatic() }),
  };
  return module;
}

/** Media Encoder's export queue: its constants, and calls that need Media Encoder. */
class SimEncoderManagerStatic {
  readonly EXPORT_QUEUE_TO_AME = 0;
  readonly EXPORT_QUEUE_TO_APP = 1;
  readonly EXPORT_IMMEDIATELY = 2;
  readonly EVENT_RENDER_COMPLETE = "renderComplete";
  readonly EVENT_RENDER_ERROR = "renderError";
  readonly EVENT_RENDER_CANCEL = "renderCancel";
  readonly EVENT_RENDER_QUEUE = "renderQueue";
  readonly EVENT_RENDER_PROGRESS = "renderProgress";
}
declareNotAvailable(SimEncoderManagerStatic, "EncoderManager", ["getManager", "getExportFileExtension"]);

export type UxpModule = ReturnType<typeof createUxpModule>;
