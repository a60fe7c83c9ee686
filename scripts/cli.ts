// npm run cli -- <command> [options]: import, eval (`npm run eval` is `cli eval`). The commands,
// their options and their usage live in src/cli; --help lists them.
import { main } from "../src/cli/main";

// exit explicitly: the catalog's realtime socket and the model's threads would keep Node alive
process.exit(await main(process.argv.slice(2)));
