import { ActionButton } from "@adobe/react-spectrum";
import { usePanel } from "../use-panel";

/** At most one banner; it clears itself when its cause is gone (see project-slice). */
export function ErrorBanner() {
  const { error, dismissError } = usePanel((s) => ({ error: s.error, dismissError: s.dismissError }));
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-code={error.code}>
      <strong>{error.title}</strong>
      <p>{error.detail}</p>
      <ActionButton isQuiet onPress={dismissError}>
        Dismiss
      </ActionButton>
    </div>
  );
}
