#!/usr/bin/python3
"""Writes a random-weight CLIP in the file layout transformers.js loads:
config.json, preprocessor_config.json, onnx/vision_model.onnx, onnx/text_model.onnx
(and *_quantized.onnx with --quantize). The tokenizer files are written by
build-clip-tokenizer.ts (the real CLIP BPE merges).

  /usr/bin/python3 scripts/model/make_clip_onnx.py --preset tiny --out tests/fixtures/tiny-random-clip
  /usr/bin/python3 scripts/model/make_clip_onnx.py --preset vit-b-32 --out bench/models/clip-vit-b-32-random --quantize

Runs on Debian's python3-torch and python3-onnx (no Hugging Face libraries). The architecture is
CLIP's: pre-LN transformer blocks with quick-GELU, a class token for images, the end-of-text
token's state for text, and linear projections without bias.
"""
import argparse
import json
import os

import torch
from torch import nn

PRESETS = {
    # small enough to commit (a few MB with the tokenizer), same shapes of inputs and outputs
    "tiny": dict(image_size=32, patch_size=8, v_hidden=32, v_layers=2, v_heads=4, v_mlp=64,
                 t_hidden=8, t_layers=2, t_heads=2, t_mlp=16, projection_dim=512),
    # OpenAI CLIP ViT-B/32
    "vit-b-32": dict(image_size=224, patch_size=32, v_hidden=768, v_layers=12, v_heads=12, v_mlp=3072,
                     t_hidden=512, t_layers=12, t_heads=8, t_mlp=2048, projection_dim=512),
}
VOCAB = 49408
MAX_POSITIONS = 77
MEAN = [0.48145466, 0.4578275, 0.40821073]
STD = [0.26862954, 0.26130258, 0.27577711]


class QuickGELU(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class Block(nn.Module):
    def __init__(self, hidden, heads, mlp):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(hidden)
        self.qkv = nn.Linear(hidden, 3 * hidden)
        self.out = nn.Linear(hidden, hidden)
        self.ln2 = nn.LayerNorm(hidden)
        self.mlp = nn.Sequential(nn.Linear(hidden, mlp), QuickGELU(), nn.Linear(mlp, hidden))

    def forward(self, x, mask=None):
        b, n, d = x.shape
        h = self.ln1(x)
        q, k, v = self.qkv(h).reshape(b, n, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        att = (q @ k.transpose(-1, -2)) / ((d // self.heads) ** 0.5)
        if mask is not None:
            att = att + mask
        h = (att.softmax(-1) @ v).transpose(1, 2).reshape(b, n, d)
        x = x + self.out(h)
        return x + self.mlp(self.ln2(x))


class Vision(nn.Module):
    def __init__(self, p):
        super().__init__()
        n_patches = (p["image_size"] // p["patch_size"]) ** 2
        self.patch = nn.Conv2d(3, p["v_hidden"], p["patch_size"], p["patch_size"], bias=False)
        self.cls = nn.Parameter(torch.randn(p["v_hidden"]) * 0.02)
        self.pos = nn.Parameter(torch.randn(n_patches + 1, p["v_hidden"]) * 0.02)
        self.pre_ln = nn.LayerNorm(p["v_hidden"])
        self.blocks = nn.ModuleList([Block(p["v_hidden"], p["v_heads"], p["v_mlp"]) for _ in range(p["v_layers"])])
        self.post_ln = nn.LayerNorm(p["v_hidden"])
        self.proj = nn.Linear(p["v_hidden"], p["projection_dim"], bias=False)

    def forward(self, pixel_values):
        x = self.patch(pixel_values).flatten(2).transpose(1, 2)
        cls = self.cls.expand(x.shape[0], 1, -1)
        x = self.pre_ln(torch.cat([cls, x], dim=1) + self.pos)
        for block in self.blocks:
            x = block(x)
        image_embeds = self.proj(self.post_ln(x[:, 0]))
        return image_embeds, x


class Text(nn.Module):
    def __init__(self, p):
        super().__init__()
        self.tok = nn.Embedding(VOCAB, p["t_hidden"])
        self.pos = nn.Parameter(torch.randn(MAX_POSITIONS, p["t_hidden"]) * 0.01)
        self.blocks = nn.ModuleList([Block(p["t_hidden"], p["t_heads"], p["t_mlp"]) for _ in range(p["t_layers"])])
        self.final_ln = nn.LayerNorm(p["t_hidden"])
        self.proj = nn.Linear(p["t_hidden"], p["projection_dim"], bias=False)

    def forward(self, input_ids):
        n = input_ids.shape[1]
        x = self.tok(input_ids) + self.pos[:n]
        mask = torch.triu(torch.full((n, n), float("-inf")), diagonal=1)
        for block in self.blocks:
            x = block(x, mask)
        x = self.final_ln(x)
        # the end-of-text token has the highest id; onnxruntime has no int64 ArgMax (FACTS.md)
        eot = input_ids.to(torch.int32).argmax(dim=-1)
        pooled = x[torch.arange(x.shape[0]), eot]
        return self.proj(pooled), x


def export(model, args, path, inputs, outputs, dynamic):
    torch.onnx.export(model, args, path, input_names=inputs, output_names=outputs,
                      dynamic_axes=dynamic, opset_version=14, do_constant_folding=True)


def quantize(src, dst):
    """Dynamic int8 quantization of every MatMul with a constant weight, the pattern
    onnxruntime's quantize_dynamic produces: DynamicQuantizeLinear on the activation,
    MatMulInteger with int8 weights, then rescale."""
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper, TensorProto

    model = onnx.load(src)
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    nodes = []
    for node in graph.node:
        weight = inits.get(node.input[1]) if node.op_type == "MatMul" else None
        if weight is None or len(weight.dims) != 2:
            nodes.append(node)
            continue
        w = numpy_helper.to_array(weight).astype(np.float32)
        scale = max(float(np.abs(w).max()) / 127.0, 1e-12)
        wq = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
        base = node.name or node.output[0]
        graph.initializer.extend([
            numpy_helper.from_array(wq, base + "_Wq"),
            numpy_helper.from_array(np.array(scale, dtype=np.float32), base + "_Ws"),
            numpy_helper.from_array(np.array(0, dtype=np.int8), base + "_Wzp"),
        ])
        x = node.input[0]
        nodes += [
            helper.make_node("DynamicQuantizeLinear", [x], [base + "_xq", base + "_xs", base + "_xzp"]),
            helper.make_node("MatMulInteger", [base + "_xq", base + "_Wq", base + "_xzp", base + "_Wzp"], [base + "_i32"]),
            helper.make_node("Cast", [base + "_i32"], [base + "_f"], to=TensorProto.FLOAT),
            helper.make_node("Mul", [base + "_xs", base + "_Ws"], [base + "_s"]),
            helper.make_node("Mul", [base + "_f", base + "_s"], [node.output[0]]),
        ]
    del graph.node[:]
    graph.node.extend(nodes)
    used = {i for n in graph.node for i in n.input}
    keep = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(keep)
    onnx.checker.check_model(model)
    onnx.save(model, dst)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preset", choices=PRESETS, default="tiny")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--quantize", action="store_true")
    a = ap.parse_args()
    p = PRESETS[a.preset]
    torch.manual_seed(a.seed)
    os.makedirs(os.path.join(a.out, "onnx"), exist_ok=True)

    vision, text = Vision(p).eval(), Text(p).eval()
    with torch.no_grad():
        pixels = torch.randn(1, 3, p["image_size"], p["image_size"])
        export(vision, (pixels,), os.path.join(a.out, "onnx/vision_model.onnx"), ["pixel_values"],
               ["image_embeds", "last_hidden_state"], {"pixel_values": {0: "batch"}, "image_embeds": {0: "batch"},
                                                      "last_hidden_state": {0: "batch"}})
        ids = torch.tensor([[49406, 320, 1125, 539, 320, 2368, 49407]])
        export(text, (ids,), os.path.join(a.out, "onnx/text_model.onnx"), ["input_ids"],
               ["text_embeds", "last_hidden_state"], {"input_ids": {0: "batch", 1: "sequence"}, "text_embeds": {0: "batch"},
                                                     "last_hidden_state": {0: "batch", 1: "sequence"}})
    if a.quantize:
        for name in ("vision_model", "text_model"):
            quantize(os.path.join(a.out, f"onnx/{name}.onnx"), os.path.join(a.out, f"onnx/{name}_quantized.onnx"))

    config = {
        "model_type": "clip",
        "architectures": ["CLIPModel"],
        "projection_dim": p["projection_dim"],
        "logit_scale_init_value": 2.6592,
        "_note": f"random weights ({a.preset}, seed {a.seed}) made by scripts/model/make_clip_onnx.py",
        "vision_config": {"model_type": "clip_vision_model", "hidden_size": p["v_hidden"], "num_hidden_layers": p["v_layers"],
                          "num_attention_heads": p["v_heads"], "intermediate_size": p["v_mlp"],
                          "image_size": p["image_size"], "patch_size": p["patch_size"], "hidden_act": "quick_gelu",
                          "projection_dim": p["projection_dim"]},
        "text_config": {"model_type": "clip_text_model", "hidden_size": p["t_hidden"], "num_hidden_layers": p["t_layers"],
                        "num_attention_heads": p["t_heads"], "intermediate_size": p["t_mlp"], "vocab_size": VOCAB,
                        "max_position_embeddings": MAX_POSITIONS, "bos_token_id": 49406, "eos_token_id": 49407,
                        "pad_token_id": 1, "hidden_act": "quick_gelu", "projection_dim": p["projection_dim"]},
    }
    with open(os.path.join(a.out, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    pre = {"feature_extractor_type": "CLIPFeatureExtractor", "image_processor_type": "CLIPImageProcessor",
           "do_resize": True, "size": p["image_size"], "resample": 3, "do_center_crop": True,
           "crop_size": p["image_size"], "do_normalize": True, "do_convert_rgb": True,
           "image_mean": MEAN, "image_std": STD}
    with open(os.path.join(a.out, "preprocessor_config.json"), "w") as f:
        json.dump(pre, f, indent=2)
    print(f"wrote {a.preset} CLIP to {a.out}")


if __name__ == "__main__":
    main()
