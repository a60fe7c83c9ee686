import {
  ActionButton,
  AlertDialog,
  Button,
  ButtonGroup,
  Checkbox,
  Content,
  Dialog,
  DialogContainer,
  Divider,
  Heading,
  Radio,
  RadioGroup,
  TextField,
} from "@adobe/react-spectrum";
import { useEffect, useRef, useState, type MutableRefObject } from "react";
import type { SettingProblems } from "../../store";
import { usePanel, usePanelStore } from "../../use-panel";
import { ConnectionCheck } from "./ConnectionCheck";
import { SelfCheck } from "./SelfCheck";
import {
  formChanged,
  formProblems,
  fromForm,
  toForm,
  withCatalogKind,
  type CatalogKind,
  type SettingsForm,
} from "./settings-form";
import "./settings.css";

/** The numbers an editor tunes, with the range each one takes. */
const NUMBER_FIELDS = [
  { name: "framesPerClip", label: "Frames per clip", inputMode: "numeric", description: "1–10, spread over the clip" },
  // the neighbours asked per frame embedding (docs/glossary.md); the key keeps the config's name
  {
    name: "matchesPerFrame",
    label: "Similar references per frame",
    inputMode: "numeric",
    description: "1–50 nearest references for each frame",
  },
  // in % like batch accept's slider; the settings keep 0–1 (settings-form.ts converts)
  {
    name: "abstentionThreshold",
    label: "Leave a field empty below (%)",
    inputMode: "decimal",
    description: "0–100: a suggestion less sure than this is not filled in",
  },
  {
    name: "batchConfidence",
    label: "Batch accept from (%)",
    inputMode: "decimal",
    description: "0–100: where batch accept's slider starts",
  },
] as const;

/** The header's way in. No key: "," was one, and in Premiere "," is Insert, which changes the
 * editor's cut when a key leaks past the panel (docs/adr/0027-panel-keys.md). */
export function SettingsButton() {
  const openSettings = usePanel((s) => s.openSettings);
  return (
    <ActionButton isQuiet onPress={openSettings} UNSAFE_className="settings-button">
      Settings
    </ActionButton>
  );
}

/** Full-panel settings, modal (the panel behind is hidden from assistive tech): focus moves in,
 * Esc closes (asking first when edits are not saved), focus returns to where it was. */
export function SettingsView() {
  const { open, close } = usePanel((s) => ({ open: s.settingsOpen, close: s.closeSettings }));
  // Esc reaches the container; the dialog, which holds the edits, decides what closing means
  const requestCloseRef = useRef(close);
  return (
    <DialogContainer type="fullscreenTakeover" onDismiss={() => requestCloseRef.current()}>
      {open && <SettingsDialog close={close} requestCloseRef={requestCloseRef} />}
    </DialogContainer>
  );
}

/** What the view asks before it drops the editor's edits or the settings themselves. */
function Confirm({
  asking,
  onKeep,
  onDiscard,
  onReset,
}: {
  asking: "discard" | "reset" | null;
  onKeep: () => void;
  onDiscard: () => void;
  onReset: () => void;
}) {
  return (
    <DialogContainer onDismiss={onKeep}>
      {asking === "discard" && (
        <AlertDialog
          title="Discard your changes?"
          variant="warning"
          primaryActionLabel="Discard"
          cancelLabel="Keep editing"
          autoFocusButton="cancel"
          onPrimaryAction={onDiscard}
          onCancel={onKeep}
        >
          The settings you changed are not saved yet.
        </AlertDialog>
      )}
      {asking === "reset" && (
        <AlertDialog
          title="Reset to studio defaults?"
          variant="destructive"
          primaryActionLabel="Reset"
          cancelLabel="Cancel"
          autoFocusButton="cancel"
          onPrimaryAction={onReset}
          onCancel={onKeep}
        >
          Every setting goes back to the studio&apos;s, the catalog address and key included.
        </AlertDialog>
      )}
    </DialogContainer>
  );
}

function SettingsDialog({
  close,
  requestCloseRef,
}: {
  close: () => void;
  requestCloseRef: MutableRefObject<() => void>;
}) {
  const store = usePanelStore();
  const { settings, saveSettings, resetSettings } = usePanel((s) => ({
    settings: s.settings,
    saveSettings: s.saveSettings,
    resetSettings: s.resetSettings,
  }));
  const [form, setForm] = useState<SettingsForm>(() => toForm(settings));
  // flagged as typed, in the form's own units, not only when Save is pressed
  const problems: SettingProblems = formProblems(form, settings);
  const [said, setSaid] = useState("");
  const [asking, setAsking] = useState<"discard" | "reset" | null>(null);
  const unsaved = formChanged(form, settings);
  const tryClose = () => (unsaved ? setAsking("discard") : close());
  useEffect(() => {
    requestCloseRef.current = tryClose;
  });
  const edit = (patch: Partial<SettingsForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setSaid("");
  };
  const save = () => {
    const found = saveSettings(fromForm(form, settings));
    const saved = !Object.keys(found).length;
    // once saved, the form shows what the panel now runs with (trimmed, as kept)
    if (saved) setForm(toForm(store.getState().settings));
    setSaid(saved ? "Saved." : "Not saved: correct the values marked in red above.");
  };
  const reset = () => {
    setAsking(null);
    resetSettings();
    setForm(toForm(store.getState().settings));
    setSaid("Back to the studio defaults.");
  };
  const field = (name: keyof SettingProblems) => ({
    validationState: problems[name] ? ("invalid" as const) : undefined,
    errorMessage: problems[name],
    width: "100%" as const,
  });
  // one catalog problem at a time: the address's, else the key's
  const urlProblem = problems.catalog?.includes("address") ? problems.catalog : undefined;
  const keyProblem = urlProblem ? undefined : problems.catalog;

  // the questions sit beside the dialog, not in it: inside, they would take its heading's slot
  const dialog = (
    <Dialog data-testid="settings-view" UNSAFE_className="settings-dialog">
      <Heading>Settings</Heading>
      <Divider />
      <Content>
        <form
          className="settings-form"
          aria-label="Settings"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <fieldset>
            <legend>Reference catalog</legend>
            <RadioGroup
              label="Catalog"
              orientation="horizontal"
              value={form.catalogKind}
              onChange={(v) => edit(withCatalogKind(form, v as CatalogKind))}
            >
              <Radio value="none">None</Radio>
              <Radio value="local">Local catalog</Radio>
              <Radio value="supabase">The studio's online catalog</Radio>
            </RadioGroup>
            {form.catalogKind !== "none" && (
              <>
                <TextField
                  label="Catalog URL"
                  value={form.url}
                  onChange={(url) => edit({ url })}
                  inputMode="url"
                  width="100%"
                  validationState={urlProblem ? "invalid" : undefined}
                  errorMessage={urlProblem}
                />
                <TextField
                  label="Catalog key"
                  value={form.anonKey}
                  onChange={(anonKey) => edit({ anonKey })}
                  description={
                    form.catalogKind === "local"
                      ? "Ask whoever runs the local catalog: it shows the key when it starts."
                      : "Your admin has it (in Supabase: Settings → API, the anon public key)."
                  }
                  width="100%"
                  validationState={keyProblem ? "invalid" : undefined}
                  errorMessage={keyProblem}
                />
                <ConnectionCheck url={form.url} anonKey={form.anonKey} />
              </>
            )}
          </fieldset>

          <fieldset>
            <legend>Image model</legend>
            <RadioGroup
              label="Model source"
              orientation="horizontal"
              value={form.modelSource}
              onChange={(v) => {
                const source = v as SettingsForm["modelSource"];
                edit({ modelSource: source, modelLocation: source === "bundled" ? "../model" : "" });
              }}
            >
              <Radio value="hub">Download</Radio>
              <Radio value="folder">Folder</Radio>
              <Radio value="bundled">Bundled</Radio>
            </RadioGroup>
            <TextField
              label={form.modelSource === "hub" ? "Model to download" : "Model folder"}
              description={form.modelSource === "hub" ? "Its name on the Hugging Face model hub." : undefined}
              value={form.modelLocation}
              onChange={(modelLocation) => edit({ modelLocation })}
              {...field("model")}
            />
          </fieldset>

          <fieldset>
            <legend>Suggestions</legend>
            <div className="settings-numbers">
              {NUMBER_FIELDS.map(({ name, label, inputMode, description }) => (
                <TextField
                  key={name}
                  label={label}
                  inputMode={inputMode}
                  value={form[name]}
                  onChange={(text) => edit({ [name]: text })}
                  description={description}
                  {...field(name)}
                />
              ))}
            </div>
            <Checkbox isSelected={form.moveOnAfterAccept} onChange={(on) => edit({ moveOnAfterAccept: on })}>
              Move on after Accept (off: the written clip stays on the card until you move on)
            </Checkbox>
          </fieldset>
          <fieldset>
            <legend>This Premiere</legend>
            <SelfCheck />
          </fieldset>
          {/* Enter in a field saves, as in Premiere's dialogs */}
          <button type="submit" hidden />
        </form>
        <p className="settings-said" role="status" data-testid="settings-said">
          {said}
        </p>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={() => setAsking("reset")}>
          Reset to studio defaults
        </Button>
        <Button variant="secondary" onPress={tryClose}>
          Close
        </Button>
        <Button variant="accent" onPress={save}>
          Save
        </Button>
      </ButtonGroup>
    </Dialog>
  );
  return (
    <>
      {dialog}
      <Confirm asking={asking} onKeep={() => setAsking(null)} onDiscard={close} onReset={reset} />
    </>
  );
}
