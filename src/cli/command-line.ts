// The command line's one argument parser: `npm run cli -- <command> [options]`. Each command
// declares its options (node:util parseArgs specs); this finds the command, parses strictly and
// turns every mistake into a usage error (exit status 2) instead of a stack trace.
import { parseArgs, type ParseArgsConfig } from "node:util";

export type Options = NonNullable<ParseArgsConfig["options"]>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  /** the prefix of this command's error messages ("cli", "eval") */
  name: string;
  usage: string;
  options: Options;
  /** whether the command takes operands (import's folders) */
  positionals: boolean;
  run(values: Values, positionals: string[]): Promise<number>;
}

export type Parsed =
  | { kind: "run"; command: Command; values: Values; positionals: string[] }
  | { kind: "help"; text: string }
  | { kind: "usage-error"; text: string };

const HELP: Options = { help: { type: "boolean", short: "h", default: false } };

export function parseCommandLine(argv: string[], commands: Record<string, Command>, usage: string): Parsed {
  const at = commandIndex(argv, commands);
  const name = at < 0 ? undefined : argv[at];
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    // no command (or an unknown one): only --help is an option here
    try {
      const { values } = parseArgs({ args: argv, options: HELP, allowPositionals: true });
      if (values.help && name === undefined) return { kind: "help", text: usage };
    } catch (e) {
      return { kind: "usage-error", text: `cli: ${(e as Error).message}\n\n${usage}` };
    }
    return { kind: "usage-error", text: name === undefined ? usage : `cli: unknown command "${name}"\n\n${usage}` };
  }
  const args = [...argv.slice(0, at), ...argv.slice(at + 1)];
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...HELP, ...command.options },
      allowPositionals: command.positionals,
    });
    if (values.help) return { kind: "help", text: command.usage };
    return { kind: "run", command, values, positionals };
  } catch (e) {
    return { kind: "usage-error", text: `${command.name}: ${(e as Error).message}\n\n${command.usage}` };
  }
}

/** Where the command is: the first operand that is not the value of an option before it
 * (`--model dir import …` names the command "import", not "dir"). */
function commandIndex(argv: string[], commands: Record<string, Command>): number {
  const takesValue = new Set(
    Object.values(commands).flatMap((c) =>
      Object.entries(c.options).flatMap(([name, o]) =>
        o.type === "string" ? [`--${name}`, ...(o.short ? [`-${o.short}`] : [])] : [],
      ),
    ),
  );
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--") return i + 1 < argv.length ? i + 1 : -1;
    if (!argv[i].startsWith("-")) return i;
    if (takesValue.has(argv[i])) i++;
  }
  return -1;
}
