// Premiere's UXP write model, enforced: a change is an Action that takes effect only when added
// to the CompoundAction of Project.executeTransaction, which must run inside Project.lockedAccess
// (Premiere 26.3 and later). lockedAccess holds the lock while its callback runs synchronously:
// work after an `await` inside it runs unlocked, as in Premiere.

export class UxpAction {
  constructor(
    readonly name: string,
    readonly apply: () => void,
  ) {}
}

export class UxpCompoundAction {
  private readonly actions: UxpAction[] = [];
  private open = true;
  get empty(): boolean {
    return this.actions.length === 0;
  }
  addAction(action: UxpAction): boolean {
    if (!this.open) throw new Error("CompoundAction.addAction: the transaction has ended");
    if (!(action instanceof UxpAction)) throw new TypeError("CompoundAction.addAction: expected an Action");
    this.actions.push(action);
    return true;
  }
  /** ends the transaction's callback; the actions then run */
  close(): UxpAction[] {
    this.open = false;
    return this.actions.slice();
  }
}

/** What a transaction did, for tests: its undo text and its actions' names. */
export interface UxpTransactionRecord {
  undo: string;
  actions: string[];
  ok: boolean;
}

export class UxpLock {
  private depth = 0;
  readonly transactions: UxpTransactionRecord[] = [];

  get held(): boolean {
    return this.depth > 0;
  }

  lockedAccess(callback: () => void): void {
    if (typeof callback !== "function") throw new TypeError("Project.lockedAccess: expected a function");
    this.depth++;
    try {
      callback();
    } finally {
      this.depth--;
    }
  }

  executeTransaction(callback: (compound: UxpCompoundAction) => void, undo = ""): boolean {
    if (!this.held)
      throw new Error(
        "Project.executeTransaction must be called inside Project.lockedAccess (Premiere 26.3 and later)",
      );
    const compound = new UxpCompoundAction();
    try {
      callback(compound);
    } finally {
      compound.close();
    }
    const actions = compound.close();
    const record: UxpTransactionRecord = { undo: String(undo), actions: actions.map((a) => a.name), ok: true };
    this.transactions.push(record);
    try {
      for (const action of actions) action.apply();
    } catch {
      record.ok = false;
      return false;
    }
    return true;
  }
}
