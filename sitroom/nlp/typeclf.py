"""A small learned PLOVER event-type classifier for sentences and clauses.

Multinomial logistic regression over lemma unigrams and bigrams, in plain numpy: no torch, no
scikit-learn at run time, about 0.1 ms a sentence on one core. The rule-based coder can
use it to type a clause the rules found (``rules propose, model types``) or to confirm or veto a
rule's type by its probability.

Input is a raw sentence (``str``), a spaCy ``Doc``/``Span`` (its ``lemma_`` values are used), or a
pre-tokenised list of lemmas. Raw strings are lemmatised with a form->lemma table learned from
spaCy's lemmatiser at training time and shipped with the weights, so all three give nearly the same
features. Weights: ``sitroom/nlp/data/typeclf.npz``, rebuilt by ``scripts/train_typeclf.py``.

"No event": the model has an ``OTHER`` class trained on background news sentences, and
``predict(texts, threshold=...)`` also turns a best event type under ``threshold`` into ``OTHER``.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Union

import numpy as np

DATA = Path(__file__).resolve().parent / "data" / "typeclf.npz"
OTHER = "OTHER"
"""The type given to text that carries no PLOVER event (or whose best type is under threshold)."""

FUTURE_CUES = frozenset(
    "will willing ready offer pledge promise prepared intend vow".split())
"""Lemmas that mark a promise or intention (PLOVER: future CONSULT/SUPPORT/COOPERATE/AID -> AGREE)."""
INTENT_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")
_DIGITS = re.compile(r"\d")

Text = Union[str, Sequence[str], Any]
"""A sentence as ``str``, a list of lemmas, or a spaCy ``Doc``/``Span``."""


@dataclass(frozen=True)
class TypePrediction:
    """The classifier's answer for one text: best type, its mode (or None) and their probabilities.

    ``top`` lists every class (``OTHER`` included) with its probability, best first.
    ``mode_prob`` is the probability of ``mode`` given ``type`` (of "no mode" when mode is None).
    """

    type: str
    type_prob: float
    mode: str | None
    mode_prob: float
    top: tuple[tuple[str, float], ...]

    @property
    def is_event(self) -> bool:
        """True unless the type is ``OTHER``."""
        return self.type != OTHER

    def prob(self, event_type: str) -> float:
        """The probability of one type (0.0 for an unknown name)."""
        return dict(self.top).get(event_type, 0.0)


def tokenize(text: str) -> list[str]:
    """Lower-cased word and number tokens of a raw string."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def features(lemmas: Sequence[str], early: int = 0) -> list[str]:
    """Unigram and bigram feature names for a lemma sequence (digits become 0, BOS/EOS marked).

    With ``early`` > 0 the first ``early`` lemmas also give ``^lemma`` features: a news sentence's
    main predicate usually comes early, and later words (reasons, background) mislead.
    """
    toks = [_DIGITS.sub("0", t) if _DIGITS.search(t) else t for t in lemmas if t]
    feats = list(toks)
    feats.extend("^" + t for t in toks[:early])
    padded = ["<s>", *toks, "</s>"]
    feats.extend(f"{a} {b}" for a, b in zip(padded, padded[1:]))
    return feats


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


class TypeClassifier:
    """PLOVER type (+ mode) classifier; build with :meth:`load`, call :meth:`predict` on a batch."""

    def __init__(
        self,
        vocab: Sequence[str],
        classes: Sequence[str],
        w_type: np.ndarray,
        b_type: np.ndarray,
        mode_classes: Sequence[str],
        mode_rows: np.ndarray,
        w_mode: np.ndarray,
        b_mode: np.ndarray,
        lemma_table: dict[str, str],
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.index = {f: i for i, f in enumerate(vocab)}
        self.classes = tuple(classes)
        self.w_type = np.asarray(w_type, dtype=np.float32)
        self.b_type = np.asarray(b_type, dtype=np.float32)
        # mode model: joint "TYPE|mode" classes over a sub-vocabulary (rows of the main vocab)
        self.mode_classes = tuple(mode_classes)
        self.mode_pos = np.full(len(vocab), -1, dtype=np.int64)
        self.mode_pos[np.asarray(mode_rows, dtype=np.int64)] = np.arange(len(mode_rows))
        self.w_mode = np.asarray(w_mode, dtype=np.float32)
        self.b_mode = np.asarray(b_mode, dtype=np.float32)
        self.lemma_table = lemma_table
        self.meta = meta or {}
        self.threshold = float(self.meta.get("threshold", 0.0))
        self.early = int(self.meta.get("early", 0))
        by_type: dict[str, list[int]] = {}
        for j, c in enumerate(self.mode_classes):
            by_type.setdefault(c.split("|", 1)[0], []).append(j)
        self._mode_cols = {t: np.asarray(js) for t, js in by_type.items()}

    # -- loading ----------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | str | None = None) -> TypeClassifier:
        """The classifier from ``path`` (default: the committed package weights, cached)."""
        if path is None:
            return _default()
        return cls._from_npz(Path(path))

    @classmethod
    def _from_npz(cls, path: Path) -> TypeClassifier:
        with np.load(path, allow_pickle=False) as z:
            return cls(
                vocab=z["vocab"].tolist(),
                classes=z["classes"].tolist(),
                w_type=z["w_type"],
                b_type=z["b_type"],
                mode_classes=z["mode_classes"].tolist(),
                mode_rows=z["mode_rows"],
                w_mode=z["w_mode"],
                b_mode=z["b_mode"],
                lemma_table=dict(zip(z["lemma_forms"].tolist(), z["lemma_lemmas"].tolist())),
                meta=json.loads(str(z["meta"])),
            )

    def save(self, path: Path) -> None:
        """Write the weights as a compressed ``.npz`` (float16 weight matrices)."""
        vocab = sorted(self.index, key=self.index.__getitem__)
        rows = np.flatnonzero(self.mode_pos >= 0)
        rows = rows[np.argsort(self.mode_pos[rows])]
        forms = sorted(self.lemma_table)
        np.savez_compressed(
            path,
            vocab=np.asarray(vocab),
            classes=np.asarray(self.classes),
            w_type=self.w_type.astype(np.float16),
            b_type=self.b_type.astype(np.float32),
            mode_classes=np.asarray(self.mode_classes),
            mode_rows=rows.astype(np.int32),
            w_mode=self.w_mode.astype(np.float16),
            b_mode=self.b_mode.astype(np.float32),
            lemma_forms=np.asarray(forms),
            lemma_lemmas=np.asarray([self.lemma_table[f] for f in forms]),
            meta=np.asarray(json.dumps(self.meta, sort_keys=True)),
        )

    # -- featurising ------------------------------------------------------------------------
    def lemmas(self, text: Text) -> list[str]:
        """The lemma sequence the model sees for one input (str, lemma list, or spaCy Doc/Span)."""
        if isinstance(text, str):
            table = self.lemma_table
            return [table.get(t, t) for t in tokenize(text)]
        if hasattr(text, "__iter__") and not isinstance(text, (list, tuple)):
            # spaCy Doc or Span: use its lemmas (the table where a pipeline set none)
            table = self.lemma_table
            out: list[str] = []
            for tok in text:
                if tok.lemma_:
                    out.extend(tokenize(tok.lemma_.lower()))
                else:
                    out.extend(table.get(t, t) for t in tokenize(tok.text))
            return out
        return [w for t in text for w in tokenize(str(t))]

    def _rows(self, text: Text) -> np.ndarray:
        return self._rows_of(self.lemmas(text))

    def _rows_of(self, lemmas: list[str]) -> np.ndarray:
        idx = set(map(self.index.get, features(lemmas, self.early)))
        idx.discard(None)
        return np.fromiter(idx, dtype=np.int64, count=len(idx))

    # -- predicting ------------------------------------------------------------------------
    def scores(self, texts: Iterable[Text]) -> np.ndarray:
        """Type probabilities, shape (n, len(classes)), columns in ``self.classes`` order."""
        rows = [self._rows(t) for t in texts]
        z = np.stack([self.w_type[r].sum(axis=0) for r in rows]) if rows else np.zeros(
            (0, len(self.classes)), dtype=np.float32)
        return _softmax(z + self.b_type) if len(rows) else z

    def predict(self, texts: Sequence[Text], threshold: float | None = None,
                future_as_agree: bool = True) -> list[TypePrediction]:
        """Type, mode and probabilities for each text.

        ``threshold`` (default: the one stored with the weights) turns a best event type whose
        probability is below it into ``OTHER``; pass 0 to always get the best class.
        ``future_as_agree`` applies PLOVER's rule that a promised or intended CONSULT, SUPPORT,
        COOPERATE or AID is coded AGREE: when the best type is one of those and the text has a
        cue lemma (FUTURE_CUES: will, offer, pledge, ready, ...), the type becomes AGREE with the
        two probabilities summed (``top`` keeps the model's own ranking). Pass False where the
        caller decides tense and modality itself.
        """
        thr = self.threshold if threshold is None else threshold
        out: list[TypePrediction] = []
        for text in texts:
            lemmas = self.lemmas(text)
            r = self._rows_of(lemmas)
            p = _softmax(self.w_type[r].sum(axis=0) + self.b_type)
            pl = p.tolist()
            top = tuple(sorted(zip(self.classes, pl), key=lambda cp: -cp[1]))
            best, best_p = top[0]
            if best != OTHER and best_p < thr:
                best = OTHER
                best_p = pl[self.classes.index(OTHER)] if OTHER in self.classes else 1 - best_p
            if future_as_agree and best in INTENT_TYPES and not FUTURE_CUES.isdisjoint(lemmas):
                best, best_p = "AGREE", best_p + pl[self.classes.index("AGREE")]
            mode, mode_p = self._mode(r, best)
            out.append(TypePrediction(best, float(best_p), mode, mode_p, top))
        return out

    def predict_one(self, text: Text, threshold: float | None = None,
                    future_as_agree: bool = True) -> TypePrediction:
        """:meth:`predict` for a single text."""
        return self.predict([text], threshold, future_as_agree)[0]

    def mode_for(self, text: Text, event_type: str) -> tuple[str | None, float]:
        """The best mode for ``text`` given an event type chosen elsewhere (e.g. by rules)."""
        return self._mode(self._rows(text), event_type)

    def _mode(self, rows: np.ndarray, event_type: str) -> tuple[str | None, float]:
        cols = self._mode_cols.get(event_type)
        if cols is None or len(cols) == 0:
            return None, 0.0
        m = self.mode_pos[rows]
        m = m[m >= 0]
        z = self.w_mode[m].sum(axis=0)[cols] + self.b_mode[cols]
        p = _softmax(z)
        j = int(np.argmax(p))
        mode = self.mode_classes[cols[j]].split("|", 1)[1]
        return (mode or None), float(p[j])


@lru_cache(maxsize=1)
def _default() -> TypeClassifier:
    return TypeClassifier._from_npz(DATA)
