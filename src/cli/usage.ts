// What `npm run cli -- --help`, `npm run cli -- import --help` and `npm run cli -- eval --help` print.

export const USAGE = `Reference Lookup command line

usage: npm run cli -- <command> [options]

commands:
  import <folder…>   import IA libraries (folders with .ingest-metadata.json) as references
  eval               how good the suggestions are on a corrected library (also: npm run eval)

Run "npm run cli -- <command> --help" for a command's options.`;

export const IMPORT_USAGE = `usage: npm run cli -- import <folder…> [options]

Imports folders as Ingest Assistant writes them: .ingest-metadata.json (entries keyed by file id,
media found by currentFilename, then originalFilename) and, where present,
.ingest-metadata-pp.json (a person's corrections from IA's earlier Premiere panel). A corrected
entry is saved with the correction as its metadata and IA's entry beside it; an entry no person
touched is saved with IA's values and marked for review (review_status 'pending').

options:
  --corrected-only     import only entries a person corrected; skip the others
  --model <dir>        a local CLIP model folder (default: Xenova/clip-vit-base-patch32 from the hub)
  --url <url>          the catalog (default: CATALOG_URL or http://127.0.0.1:54321)
  --anon-key <key>     the catalog's anon key (default: CATALOG_ANON_KEY)
  --outbox <file>      where undelivered saves wait for the next run (default: .cache/import-outbox.json)
  -h, --help           this help

sign-in: CATALOG_EMAIL and CATALOG_PASSWORD (a staff account), or CATALOG_SERVICE_KEY.
Media is read only from inside its folder: an entry whose name is absolute, climbs out with "..",
or is a symlink leading outside the folder is refused with its reason. A folder that cannot be
read is reported and the others are still imported.

exit status: 0 when every folder was read and every entry imported or skipped, 1 when some
failed, 2 on a usage error.`;

export const EVAL_USAGE = `npm run eval -- --library <folder> [--library <folder>…] [--model <dir>] [--out <dir>] [--min-confidence 0.5]
npm run eval -- --scenario relabel [--library <folder>…] [--model <dir>] [--share 0.25]
(the same as npm run cli -- eval …)

  --library         a folder IA catalogued (.ingest-metadata.json, and .ingest-metadata-pp.json when people
                    corrected it); give several to evaluate them together
  --model           a CLIP model folder (default: the Hugging Face hub's Xenova/clip-vit-base-patch32)
  --out             where the report and the chart go (default: bench/results)
  --min-confidence  the editor's threshold: below it a field is left empty (default 0.5)
  --scenario relabel  a share of the planned shots is relabelled by a later correction: how many of
                    the next clips follow it, without and with the rule that the newest correction of
                    a shot speaks for it (docs/adr/0012), on the libraries and on synthetic clustered
                    embeddings; writes eval-relabel-<date>.json
  --share           the share of shots relabelled (default 0.25)`;
