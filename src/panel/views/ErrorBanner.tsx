import type { PanelError } from "../store";

export function ErrorBanner({ error, onDismiss }: { error: PanelError; onDismiss: () => void }) {
  return (
    <div className="error-banner" role="alert" data-code={error.code}>
      <strong>{error.title}</strong>
      <p>{error.detail}</p>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
