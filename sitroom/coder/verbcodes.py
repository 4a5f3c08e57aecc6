"""Code verbs with a PETRARCH/TABARI verb dictionary over the spaCy parse.

For each verb the dictionary lists (by its word as written, else by its lemma; a phrasal verb
also needs its other words, adjacent or as particles), the longest of its block's patterns that
matches the sentence gives the code; with none, the verb's own code. A `---` code (on a pattern
or a verb) codes nothing: "riot police" is no riot. Matching, on the words as written or their
lemmas, in capitals:
- words before `*` must come before the verb in the sentence, in order; words after it must come
  after the verb, within the verb's clause, in order; `_` makes two neighbours adjacent;
- `$`, `+` and `%` match a noun phrase (binding its head as source, target, or compound), `^`
  any one word or noun phrase.
The source is the pattern's `$`, else the verb's subject (a passive's `by` agent); the target is
the pattern's `+`, else the candidates after the verb in its clause, object first (the caller
keeps the first it can resolve to an actor). A `%` compound codes its members toward each other.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..verbs.dictionary import Pattern, Slot, Verb, VerbDictionary
from .arguments import actor_or_owner, coordinated, thing_noun
from .candidates import subject_of
from .syntax import _child, passive_voice, prep_object

NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
CLAUSES = frozenset({"ccomp", "csubj", "parataxis"})
REPORTED = CLAUSES | {"acl"}
BY = frozenset({"by"})


@dataclass(frozen=True)
class CodedFrame:
    """One verb coded by the dictionary, as token indices; `pattern` is the dictionary line
    that gave the code (the verb line where no pattern matched), for provenance."""

    verb: int
    code: str | None
    reverse: str | None
    sources: tuple[int, ...]
    targets: tuple[int, ...]
    pattern: str
    line: int
    sent_start: int
    sent_end: int
    compound: bool = False
    listed: bool = False  # every target is one (a `%` after the verb), not candidates


class _Sentence:
    """A sentence's words in capitals, with the noun phrase around each token."""

    def __init__(self, sent: Span, chunks: list[Span]) -> None:
        self.sent = sent
        self.start, self.end = sent.start, sent.end
        self.words = {t.i: t.text.upper() for t in sent}
        self.chunk: dict[int, tuple[int, int, int]] = {}
        for chunk in chunks:
            if chunk.start < self.start or chunk.end > self.end:
                continue
            for i in range(chunk.start, chunk.end):
                self.chunk[i] = (chunk.start, chunk.end, chunk.root.i)
        for ent in sent.ents:  # a name the chunker split ("Dol Amroth") is one phrase
            root = ent.root.i
            lo, hi = ent.start, ent.end
            for i in range(ent.start, ent.end):
                c = self.chunk.get(i)
                if c is not None:
                    lo, hi = min(lo, c[0]), max(hi, c[1])
                    root = c[2] if c[2] in range(ent.start, ent.end) else root
            for i in range(lo, hi):
                self.chunk[i] = (lo, hi, root)

    def word_at(self, i: int, word: str) -> bool:
        return self.words.get(i) == word

    def phrase_fwd(self, i: int, phrase: tuple[str, ...]) -> int | None:
        """End of `phrase` read from `i`, or None."""
        for k, word in enumerate(phrase):
            if not self.word_at(i + k, word):
                return None
        return i + len(phrase)

    def phrase_back(self, end: int, phrase: tuple[str, ...]) -> int | None:
        """Start of `phrase` ending right before `end`, or None."""
        start = end - len(phrase)
        return start if start >= self.start and self.phrase_fwd(start, phrase) == end else None

    def actor_at(self, i: int) -> tuple[int, int, int] | None:
        """(start, end, head) of the noun phrase at token i."""
        if i in self.chunk:
            return self.chunk[i]
        tok = self.sent.doc[i] if self.start <= i < self.end else None
        if tok is not None and tok.pos_ in NOUNISH:
            return i, i + 1, i
        return None


Bindings = dict[str, int]


def _match_post(s: _Sentence, slots: tuple[Slot, ...], k: int, pos: int, limit: int,
                bound: Bindings) -> Bindings | None:
    if k == len(slots):
        return bound
    slot = slots[k]
    starts = [pos] if slot.joined else range(pos, limit)
    for i in starts:
        for end, head in _slot_fwd(s, slot, i, limit):
            got = _match_post(s, slots, k + 1, end, limit,
                              {**bound, slot.kind: head} if head is not None else bound)
            if got is not None:
                return got
    return None


def _slot_fwd(s: _Sentence, slot: Slot, i: int, limit: int) -> list[tuple[int, int | None]]:
    """(end, bound head) for each way `slot` can match starting at token i."""
    if i >= limit:
        return []
    if slot.kind == "word":
        ends = [s.phrase_fwd(i, p) for p in slot.phrases]
        return [(e, None) for e in ends if e is not None and e <= limit]
    phrase = s.actor_at(i)
    if slot.kind == "^":
        return [(phrase[1] if phrase and phrase[0] == i else i + 1, None)]
    if phrase is None or phrase[0] != i or (slot.kind == "%" and not _compound(s, phrase[2])):
        return []
    return [(min(phrase[1], limit), phrase[2])]


def _match_pre(s: _Sentence, slots: tuple[Slot, ...], k: int, end: int, joined: bool,
               bound: Bindings) -> Bindings | None:
    """Match pre-verb slots k, k-1, ... 0 ending before token `end` (`joined`: right before)."""
    if k < 0:
        return bound
    slot = slots[k]
    ends = [end] if joined else range(end, s.start, -1)
    for e in ends:
        for start, head in _slot_back(s, slot, e):
            got = _match_pre(s, slots, k - 1, start, k > 0 and slots[k - 1].joined,
                             {**bound, slot.kind: head} if head is not None else bound)
            if got is not None:
                return got
    return None


def _slot_back(s: _Sentence, slot: Slot, end: int) -> list[tuple[int, int | None]]:
    """(start, bound head) for each way `slot` can match ending right before token `end`."""
    if end <= s.start:
        return []
    if slot.kind == "word":
        starts = [s.phrase_back(end, p) for p in slot.phrases]
        return [(st, None) for st in starts if st is not None]
    phrase = s.actor_at(end - 1)
    if slot.kind == "^":
        return [(phrase[0] if phrase and phrase[1] == end else end - 1, None)]
    if phrase is None or phrase[1] != end or (slot.kind == "%" and not _compound(s, phrase[2])):
        return []
    return [(phrase[0], phrase[2])]


def _compound(s: _Sentence, head: int) -> bool:
    return bool(coordinated(s.sent.doc[head]))


def _verb_span(verb: Verb, token: Token) -> tuple[int, int] | None:
    """Token bounds of a (phrasal) verb whose head word is `token`, or None where its other
    words are missing. Words after the head may be adjacent or the head's particles."""
    doc = token.doc
    start = token.i - verb.head
    if start < token.sent.start:
        return None
    for k in range(verb.head):
        if doc[start + k].text.upper() != verb.words[k]:
            return None
    end = token.i + 1
    for word in verb.words[verb.head + 1:]:
        if end < token.sent.end and doc[end].text.upper() == word:
            end += 1
            continue
        particle = next((c for c in token.children if c.dep_ == "prt"
                         and c.text.upper() == word), None)
        if particle is None:
            return None
        end = max(end, particle.i + 1)
    return start, end


def _best(s: _Sentence, patterns: tuple[Pattern, ...], span: tuple[int, int],
          clause_end: int) -> tuple[Pattern, Bindings] | None:
    for pattern in patterns:  # longest first
        pre = _match_pre(s, pattern.pre, len(pattern.pre) - 1, span[0],
                         bool(pattern.pre) and pattern.pre[-1].joined, {}) \
            if pattern.pre else {}
        if pre is None:
            continue
        post = _match_post(s, pattern.post, 0, span[1], clause_end, pre)
        if post is not None:
            return pattern, post
    return None


def default_source(verb: Token) -> Token | None:
    """The doer: a passive's `by` agent, else the subject (as for the PLOVER coder's frames)."""
    if passive_voice(verb):
        return prep_object(verb, BY)
    return subject_of(verb)


def _inner_clause(tok: Token, verb: Token) -> bool:
    """`tok` lies in a clause of its own below `verb` (a reported clause, or one with its own
    subject: "five years after crowds trashed its embassy")."""
    for a in tok.ancestors:
        if a == verb:
            return False
        if a.dep_ in CLAUSES or (a.pos_ in ("VERB", "AUX") and
                                 any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children)):
            return True
    return True


def _reported(tok: Token, verb: Token) -> bool:
    """`tok` lies in a clause the verb (or its object) reports or describes: "believes X can
    cope", "expressed hopes that X could be drawn in"."""
    return any(a.dep_ in REPORTED and a.head in (verb, *verb.children)
               for a in tok.ancestors if verb in a.ancestors)


def _phrase_head(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in (
        "compound", "amod", "nmod", "poss", "nummod", "npadvmod")


def target_candidates(verb: Token, end: int, clause_end: int) -> list[Token]:
    """Who the verb acts on, best first: a passive's subject, the object, then the heads of the
    noun phrases after the verb in its own clause, in text order (objects of its prepositions
    and of theirs); last, those of a clause it reports ("believes X can cope")."""
    out: list[Token] = []
    if passive_voice(verb):
        patient = _child(verb, "nsubjpass")
        if patient is not None:
            out.append(patient)
    obj = _child(verb, "dobj", "dative")
    if obj is not None:
        out.append(obj)
    seen = {t.i for t in out}
    inner = []
    for tok in verb.doc[end:clause_end]:
        if not _phrase_head(tok) or tok.i in seen:
            continue
        seen.add(tok.i)
        (inner if _inner_clause(tok, verb) else out).append(tok)
    found = out + [t for t in inner if _reported(t, verb)]
    parties = []  # a thing stands for its owner: "condemned Russia's collaboration": Russia
    for tok in found:
        party = actor_or_owner(tok) if thing_noun(tok) else tok
        if party is not None and all(p.i != party.i for p in parties):
            parties.append(party)
    return parties


def _candidates(token: Token, verbs: VerbDictionary) -> tuple[tuple[int, int], list[Verb]]:
    """The verb span and the dictionary verbs it may be: those with the most words present."""
    best: list[Verb] = []
    span = (token.i, token.i + 1)
    for verb in verbs.verbs_for(token.text, token.lemma_):
        found = _verb_span(verb, token)
        if found is None:
            continue
        if not best or len(verb.words) > len(best[0].words):
            best, span = [verb], found
        elif len(verb.words) == len(best[0].words):
            best.append(verb)
    return span, best


def code_verb(s: _Sentence, token: Token, verbs: VerbDictionary) -> CodedFrame | None:
    """The dictionary's code for one verb token, with its source and target candidates."""
    span, candidates = _candidates(token, verbs)
    if not candidates:
        return None
    clause_end = max(span[1], token.right_edge.i + 1)
    patterns = sorted((p for block in dict.fromkeys(v.block for v in candidates)
                       for p in verbs.patterns.get(block, ())), key=lambda p: -p.size)
    found = _best(s, tuple(patterns), span, clause_end)
    if found is not None:
        pattern, bound = found
        code, reverse, text, line = pattern.code, pattern.reverse, pattern.text, pattern.line
    else:
        # a verb listed in two blocks (SHOT [---] and SHOT [223]): the one that codes
        verb = next((v for v in candidates if v.code or v.reverse), candidates[0])
        bound = {}
        code, reverse, line = verb.code, verb.reverse, verb.line
        codes = (verb.code or "---") + (":" + verb.reverse if verb.reverse else "")
        text = " ".join(verb.words) + f" [{codes}]"
    if code is None and reverse is None:
        return None
    doc = token.doc
    head = doc[bound["%"]] if "%" in bound else None
    members = (head.i, *(t.i for t in coordinated(head))) if head is not None else ()
    if head is not None and head.i < token.i:  # "X and Y have delayed": each toward the other
        return CodedFrame(verb=token.i, code=code, reverse=reverse, sources=members,
                          targets=members, pattern=text, line=line, sent_start=s.start,
                          sent_end=s.end, compound=True)
    if "$" in bound:
        sources: tuple[int, ...] = (bound["$"],)
    else:
        subject = default_source(token)
        if subject is not None and "+" in bound and subject.i == bound["+"]:
            subject = subject_of(token.head) if token.head != token else None
        sources = (subject.i,) if subject is not None else ()
    if "+" in bound:
        targets: tuple[int, ...] = (bound["+"],)
    elif members:  # "agrees with % ": toward each of them
        targets = members
    else:
        targets = tuple(t.i for t in target_candidates(token, span[1], clause_end)
                        if t.i not in sources)
    return CodedFrame(verb=token.i, code=code, reverse=reverse, sources=sources,
                      targets=targets, pattern=text, line=line, sent_start=s.start,
                      sent_end=s.end, listed=bool(members) and "+" not in bound)


def coded_frames(doc: Doc, verbs: VerbDictionary) -> list[CodedFrame]:
    """Every verb the dictionary codes, in text order."""
    out = []
    chunks = list(doc.noun_chunks)  # once: a Span's noun_chunks walks the whole Doc
    for sent in doc.sents:
        s = _Sentence(sent, chunks)
        for token in sent:
            if not (token.tag_.startswith("VB") or token.pos_ in ("VERB", "AUX")):
                continue
            frame = code_verb(s, token, verbs)
            if frame is not None:
                out.append(frame)
    return out
