import { Provider } from "@adobe/react-spectrum";
import { useRef } from "react";
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  type Key,
} from "react-aria-components";
import "./DesktopComboBox.css";

interface Props {
  label: string;
  /** what the field shows: free text, or the chosen option's text */
  value: string;
  /** the choices the list offers: a text, or an id with the text shown for it */
  options: Array<string | { id: string; name: string }>;
  /** free values allowed (location, subject, action); else only one of `options` */
  allowsCustomValue: boolean;
  isReadOnly?: boolean;
  placeholder?: string;
  onChange: (value: string) => void;
}

/**
 * A combobox drawn as a desktop field at every width (docs/adr/0028). React Spectrum's ComboBox
 * and Picker turn into touch trays when `window.screen.width <= 700`; React Aria's ComboBox,
 * which they are built on, always opens a popover beside the field. Typing goes into the field
 * and changes nothing but its text until the editor picks an option or, where free values are
 * allowed, types one: no key changes a value the editor did not type.
 */
export function DesktopComboBox({
  label,
  value,
  options,
  allowsCustomValue,
  isReadOnly,
  placeholder,
  onChange,
}: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const seen = new Set<string>();
  const items = options
    .map((o) => (typeof o === "string" ? { id: o, name: o } : o))
    .filter((o) => !seen.has(o.id) && !!seen.add(o.id));
  const known = items.some((i) => i.id === value);
  const common = {
    className: "rl-combobox",
    isReadOnly,
    menuTrigger: "input" as const,
    defaultItems: items,
  };
  const fieldAndList = (
    <>
      <Label className="rl-combobox-label">{label}</Label>
      <div className="rl-combobox-field">
        <Input ref={inputRef} className="rl-combobox-input" placeholder={placeholder} />
        <Button className="rl-combobox-button" aria-label={`Show the ${label.toLowerCase()} choices`}>
          <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" focusable="false">
            <path d="M1.5 3.5 5 7l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
        </Button>
      </div>
      <FieldError className="rl-combobox-error" />
      <Popover className="rl-combobox-popover" offset={2}>
        {/* its own Spectrum provider, as React Spectrum's popovers have: the host theme's
            variables are set on every div[dir][lang] (docs/adr/0020) */}
        <Provider UNSAFE_className="rl-combobox-surface">
          <ListBox className="rl-combobox-list">
            {(item: { id: string; name: string }) => (
              <ListBoxItem className="rl-combobox-option" id={item.id} textValue={item.name}>
                {item.name}
              </ListBoxItem>
            )}
          </ListBox>
        </Provider>
      </Popover>
    </>
  );
  if (allowsCustomValue)
    return (
      <ComboBox {...common} allowsCustomValue inputValue={value} onInputChange={onChange}>
        {fieldAndList}
      </ComboBox>
    );
  // a fixed list: the text typed only filters; the value changes when an option is picked
  return (
    <ComboBox
      {...common}
      selectedKey={known ? value : null}
      onSelectionChange={(key: Key | null) => {
        // the editor emptied the field: no choice ("" to the caller)
        const next = key === null ? "" : String(key);
        if (next !== value) onChange(next);
      }}
    >
      {fieldAndList}
    </ComboBox>
  );
}
