/** localStorage's contract (Web Storage), in memory: for the panel's store and for supabase-js's
 * session. `data` shows what was kept. (The save outbox has a contract of its own, with its own
 * memoryStorage in src/lib/catalog.) */
export function memoryStorage(): Pick<Storage, "getItem" | "setItem" | "removeItem"> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
