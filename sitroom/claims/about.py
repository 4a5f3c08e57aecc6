"""What a figure counts, with its place: "North Korean troops in Russia" (for Claim.about)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.quantities import Quantity

PLACE_PREPS = frozenset("in near at on inside along across into to within outside around "
                        "throughout".split())
PLACE_NOUNS = frozenset("""border frontier front frontline line camp base city town village
region province district capital country territory area zone coast island port airport
hospital prison square street""".split())
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
MAX_PLACE_TOKENS = 8


def _is_place(pp: Token) -> bool:
    return any(t.ent_type_ in _PLACE_ENTS or t.lemma_.lower() in PLACE_NOUNS for t in pp.subtree)


def _place(anchor: Token, skip: set[int], fronted: bool = True) -> str:
    """The first locative phrase on the counted noun or the verbs above it, else (`fronted`)
    one that opens the sentence."""
    cur: Token | None = anchor
    for _ in range(3):
        if cur is None:
            break
        for child in cur.children:
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS and child.i not in skip \
                    and child.i > anchor.i and _is_place(child):
                toks = [t for t in child.subtree if t.i not in skip]
                toks = toks[:MAX_PLACE_TOKENS]
                return anchor.doc[toks[0].i:toks[-1].i + 1].text
        for child in cur.children:   # "8,000 stationed near the border"
            if child.dep_ in ("acl", "relcl") and child.i > anchor.i:
                inner = _place(child, skip, fronted=False)
                if inner:
                    return f"{child.text} {inner}"
        where = _where_place(cur)
        if where is not None:                   # "Srinagar (where 8 were killed)"
            return f"in {_place_name(where)}"
        if cur.dep_ in ("ROOT", "ccomp", "advcl", "relcl") or cur.head == cur:
            break
        cur = cur.head
    return _fronted_place(anchor, skip) if fronted else ""


def _where_place(clause: Token) -> Token | None:
    """The place a clause opened by "where" tells of: the place named just before it
    ("Kandahar, where 30 civilians died", "Srinagar (where 8 people were killed)"), however
    the parser attaches the clause."""
    where = next((c for c in clause.children if c.lower_ == "where" and c.dep_ == "advmod"),
                 None)
    if where is None or where.i != clause.left_edge.i + (clause.left_edge.text in "(,"):
        return None
    k = where.i - 1
    while k >= clause.sent.start and clause.doc[k].text in "(,":
        k -= 1
    if k < clause.sent.start:
        return None
    place = clause.doc[k]
    return place if place.ent_type_ in _PLACE_ENTS or place.lemma_.lower() in PLACE_NOUNS \
        else None


def _place_name(noun: Token) -> str:
    """The place a noun names: its whole entity ("New Delhi"), else the noun with its left
    modifiers ("the border town")."""
    ent = next((e for e in noun.doc.ents if e.start <= noun.i < e.end), None)
    if ent is not None:
        return ent.text
    return noun.doc[noun.left_edge.i:noun.i + 1].text


def _fronted_place(anchor: Token, skip: set[int]) -> str:
    """A locative phrase that opens the figure's sentence ("In Toronto, some 1,000 protesters
    converged ..."): the place of all the sentence tells, told before its figure."""
    first = anchor.sent[0]
    if first.dep_ != "prep" or first.lower_ not in PLACE_PREPS or first.i in skip \
            or not _is_place(first):
        return ""
    toks = [t for t in first.subtree if t.i not in skip]
    if not toks or toks[-1].i >= anchor.i:
        return ""
    toks = toks[:MAX_PLACE_TOKENS]
    return " ".join([first.lower_, anchor.doc[toks[1].i:toks[-1].i + 1].text]).rstrip(" ,") \
        if len(toks) > 1 else ""


def _owner(noun: Token, text: str) -> str:
    """ "from North Korea" when a country sends or holds figures not named by nationality."""
    verb = noun.head
    holds = verb.lemma_.lower() in ("have", "host", "house", "shelter", "hold", "keep")
    if not holds and any(t.ent_type_ in ("NORP", "GPE") for t in noun.lefts):
        return ""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None) if verb.pos_ in (
        "VERB", "AUX") else None
    if subj is not None and subj.ent_type_ in ("GPE", "NORP") and subj.ent_iob_ in ("B", "I"):
        ent = next((e for e in noun.doc.ents if e.start <= subj.i < e.end), None)
        if ent is not None and ent.text not in text:
            return f"{'in' if holds else 'from'} {ent.text}"
    return ""


_COST_VERBS = frozenset("""cost be total amount reach fetch value price cap set put estimate
worth rise fall grow drop increase decrease climb jump shrink collect raise generate earn bring
yield""".split())
_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod"})
MAX_FOR_TOKENS = 6


def _noun_phrase(noun: Token, skip: set[int]) -> str:
    """The noun with the modifiers that name it ("the childcare rebate": "childcare rebate";
    "Lancaster Colony's sales"), figures and determiners left out."""
    toks = [noun]
    frontier = [noun]
    while frontier:
        cur = frontier.pop()
        for child in cur.lefts:
            if child.dep_ in _PHRASE_DEPS and child.i not in skip and not child.like_num:
                toks.append(child)
                frontier.append(child)
    toks = sorted(toks, key=lambda t: t.i)[-MAX_FOR_TOKENS:]
    return " ".join(t.text for t in toks).replace(" 's", "'s")


def _thing_of(verb: Token, object_first: bool = False) -> Token | None:
    """What a verb of cost or value puts the figure on: its subject ("the rebate is capped
    at", "the tariffs cost"), else its object; the object first for "worth" after a verb
    other than "be" ("signed two deals worth")."""
    order = [("nsubj", "nsubjpass"), ("dobj",)]
    for deps in (order[::-1] if object_first else order):
        noun = next((c for c in verb.children if c.dep_ in deps and c.pos_ in ("NOUN", "PROPN")),
                    None)
        if noun is not None:
            return noun
    if verb.dep_ in ("acl", "relcl", "appos", "parataxis") and verb.head.pos_ in ("NOUN",
                                                                                "PROPN"):
        return verb.head                # "a childcare rebate (capped at AUD $3000 per year)"
    return None


def _for_object(root: Token) -> Token | None:
    """What a sum is "for", on the sum or on the verb it is the object of ("provides an
    additional $1.4 billion for the early repayment")."""
    holders = [root] + ([root.head] if root.dep_ in ("dobj", "attr") else [])
    return next((o for h in holders for c in h.children if c.dep_ == "prep" and
                 c.lower_ == "for" and c.i > root.i for o in c.children
                 if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None)


def _recipient(root: Token) -> str:
    """Whom a sum goes to, where the sentence names them ("$300 to Irene Mathyssen")."""
    holders = [root] + ([root.head] if root.dep_ in ("dobj", "attr") else [])
    for h in holders:
        for c in h.children:
            if c.dep_ in ("prep", "dative") and c.lower_ == "to" and c.i > root.i:
                name = next((o for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"),
                            None)
                if name is not None:
                    return f"to {_place_name(name)}"
    return ""


def money_for(quantity: Quantity, sentence: Span) -> str:
    """What a sum of money is, where the sentence says it and the figure has no noun of its
    own ("a $300 fine" has): the noun it is "of" ("a maternity payment of A$3,000"), the thing
    "worth" it ("two deals worth $500 million apiece"), the subject of a verb of cost or value
    ("the childcare rebate is capped at A$3,000", "the iPod nano costs $249", "sales rose by
    $26 million"), or what it is "for" ("$249 for the iPod", "provides $1.4 billion for the
    repayment"); and whom it goes to, where named ("$300 to Irene Mathyssen"). Empty when
    none: "Toyota paid $500,000"."""
    doc = sentence.doc
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None or not quantity.money:
        return ""
    skip = {t.i for t in span}
    root = next((t for t in span if t.head.i not in skip or t.head == t), span.root)
    head = root.head
    noun: Token | None = None
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        noun = head.head
    elif root.dep_ == "pobj" and head.lower_ != "for" and head.head.pos_ in (
            "VERB", "AUX") and head.head.lemma_.lower() in _COST_VERBS:
        noun = _thing_of(head.head)
    elif head.lemma_.lower() == "worth":
        noun = head.head if head.head.pos_ in ("NOUN", "PROPN") else \
            _thing_of(head.head, head.head.lemma_ != "be") \
            if head.head.pos_ in ("VERB", "AUX") else None
    elif root.dep_ in ("dobj", "attr") and head.lemma_.lower() in _COST_VERBS:
        noun = _thing_of(head)
    if noun is None:
        noun = _for_object(root)
    what = _noun_phrase(noun, skip) if noun is not None and noun.i not in skip else ""
    return " ".join(p for p in (what or "money", _recipient(root)) if p) \
        if what or _recipient(root) else ""


def about_text(quantity: Quantity, sentence: Span) -> str:
    """A normalised description of what `quantity` counts, with its place.

    "North Korean troops in training camps in Russia", "North Korean soldiers near the
    Ukrainian border", "troops from North Korea". Falls back to the unit when nothing better.
    """
    doc = sentence.doc
    skip = {t.i for t in doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
            or []}
    obj = quantity.object_text.strip() or (quantity.unit or "")
    if quantity.money and quantity.head_i is None:
        obj = money_for(quantity, sentence) or obj
    if quantity.head_i is not None:
        noun = doc[quantity.head_i]
        anchor = noun
        owner = _owner(noun, obj)
    else:
        anchor = doc[quantity.num_i] if quantity.num_i >= 0 else sentence.root
        owner = ""
    place = _place(anchor, skip | {t.i for t in anchor.lefts})
    parts = [obj, owner, place]
    text = " ".join(p for p in parts if p)
    return " ".join(text.replace(" ,", ",").split())
