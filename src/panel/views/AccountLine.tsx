import { ActionButton, Button, TextField } from "@adobe/react-spectrum";
import { useState } from "react";
import { usePanel } from "../use-panel";

/** Sign-in for saving references; searching and suggestions need none. */
export function AccountLine() {
  const { account, authState, authError, signIn, signOut, pendingSaves, retrySaves, configured } = usePanel((s) => ({
    account: s.account,
    authState: s.authState,
    authError: s.authError,
    signIn: s.signIn,
    signOut: s.signOut,
    pendingSaves: s.pendingSaves,
    retrySaves: s.retrySaves,
    configured: s.catalogStatus.state !== "unconfigured",
  }));
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  if (!configured) return null;
  const pending =
    pendingSaves > 0 ? (
      <span className="notice" data-testid="pending-saves">
        {pendingSaves} save{pendingSaves === 1 ? "" : "s"} waiting for the catalog
        <ActionButton isQuiet onPress={() => void retrySaves()}>
          Retry now
        </ActionButton>
      </span>
    ) : null;
  if (account) {
    return (
      <div className="account-line" data-testid="account">
        <span className="muted">
          Signed in as {account.email}
          {account.canSave ? "" : ": you can search, but saving references needs a staff account."}
        </span>
        <ActionButton isQuiet onPress={() => void signOut()}>
          Sign out
        </ActionButton>
        {pending}
      </div>
    );
  }
  if (!open) {
    return (
      <div className="account-line">
        <ActionButton onPress={() => setOpen(true)}>Sign in to save references</ActionButton>
        {pending}
      </div>
    );
  }
  return (
    <form
      className="sign-in"
      aria-label="Sign in"
      onSubmit={(e) => {
        e.preventDefault();
        void signIn(email, password);
      }}
    >
      <TextField label="Email" type="email" value={email} onChange={setEmail} autoFocus width="100%" />
      <TextField label="Password" type="password" value={password} onChange={setPassword} width="100%" />
      <div className="actions">
        <Button type="submit" variant="primary" isPending={authState === "signing-in"}>
          Sign in
        </Button>
        <ActionButton isQuiet onPress={() => setOpen(false)}>
          Cancel
        </ActionButton>
      </div>
      {authError && (
        <p className="notice" role="status">
          {authError}
        </p>
      )}
    </form>
  );
}
