// The command line: `npm run cli -- <command> [options]` (scripts/cli.ts calls this). Returns the
// exit status: 0 done, 1 some work failed, 2 a usage error.
import { parseCommandLine, type Command } from "./command-line";
import { evalCommand } from "./commands/eval";
import { importCommand } from "./commands/import";
import { USAGE } from "./usage";

export const COMMANDS: Record<string, Command> = { import: importCommand, eval: evalCommand };

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, COMMANDS, USAGE);
  if (parsed.kind === "help") {
    console.log(parsed.text);
    return 0;
  }
  if (parsed.kind === "usage-error") {
    console.error(parsed.text);
    return 2;
  }
  return parsed.command.run(parsed.values, parsed.positionals);
}
