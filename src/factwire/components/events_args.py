"""Argument finding for factwire_events: subject, target, place, time, casualty counts, extents.

Everything here reads the dependency parse and the span groups other components wrote
(through docext); nothing is stored between calls.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Iterable

from spacy.tokens import Doc, Token

from .. import docext, schema

SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
# children that belong to a noun phrase, not to a clause hanging off it
NP_LEFT_DEPS = ("det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "predet", "case", "punct", "advmod", "npadvmod", "prep")
NP_RIGHT_DEPS = ("compound", "flat", "case", "nummod")
CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "parataxis", "csubj", "pcomp", "cc")
QUANTITY_HEADS = frozenset({"number", "total", "majority", "most", "all", "some", "many", "dozens", "hundreds", "thousands", "group", "contingent", "unit", "team"})
ACTOR_MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000,
}
MIN_CUES = ("more than", "over", "at least", "upwards of", "in excess of", "dozens of", "hundreds of", "thousands of")
MAX_CUES = ("up to", "at most", "fewer than", "less than", "nearly", "almost", "as many as", "no more than")


def coarse_pos(tok: Token) -> str | None:
    if tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"):
        return "VERB"
    if tok.pos_ == "NOUN" or tok.tag_ in ("NN", "NNS"):
        return "NOUN"
    return None


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def pobjs(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the PPs on `tok` headed by one of `preps` ("at" -> the thing fired at)."""
    wanted = {p.lower() for p in preps}
    out = []
    for prep in children(tok, "prep", "agent", "dative"):
        if prep.lower_ in wanted or (prep.dep_ == "agent" and "by" in wanted):
            out.extend(children(prep, "pobj", "pcomp"))
    return out


def same_sentence(a: Token, b: Token) -> bool:
    return a.sent.start == b.sent.start


def subject(tok: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The grammatical subject of a verb and whether the clause is passive, climbing
    through infinitives and coordination ("continue to advise and assist")."""
    subj = children(tok, *SUBJ_DEPS)
    if subj:
        s = subj[0]
        passive = s.dep_.endswith("pass")
        if s.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
            s = tok.head
        return s, passive
    if depth < 3 and tok.dep_ in ("xcomp", "conj") and tok.head is not tok:
        head = tok.head
        if tok.dep_ == "xcomp" and head.dep_ == "acomp" and head.pos_ == "ADJ":
            head = head.head  # "Syria is willing to withdraw": the subject sits on the copula
        s, passive = subject(head, depth + 1)
        # "X was sent to fight" -- the passive belongs to the head, not the infinitive
        return s, passive and tok.dep_ == "conj"
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        # "the decision to end X": the decider is the possessor of the noun
        poss = children(tok.head, "poss")
        if poss:
            return poss[0], False
    return None, False


def agent(tok: Token) -> Token | None:
    for a in children(tok, "agent"):
        objs = children(a, "pobj")
        if objs:
            return objs[0]
    return None


def actor_of(doc: Doc, tok: Token | None, depth: int = 0) -> str | None:
    """The actor a noun phrase headed by `tok` names: the head, else its modifiers
    ("U.S. troops"), else through "number of X"."""
    if tok is None:
        return None
    found = docext.actor_id_at(doc, tok)
    if found:
        return found
    if tok.lower_ in QUANTITY_HEADS and depth < 2:
        for obj in pobjs(tok, ("of",)):
            found = actor_of(doc, obj, depth + 1)
            if found:
                return found
    for child in children(tok, *ACTOR_MODIFIER_DEPS):
        found = docext.actor_id_at(doc, child)
        if found:
            return found
        for grand in children(child, "compound", "amod"):
            found = docext.actor_id_at(doc, grand)
            if found:
                return found
    if depth < 2:
        # "leaders of the opposition coalition", "doctors from two American aid groups"
        for obj in pobjs(tok, ("of", "from")):
            found = actor_of(doc, obj, depth + 1)
            if found:
                return found
        # conjoined actors: "Bosnia and Slovenia agreed" -> the first conjunct that names one
        for conj in children(tok, "conj"):
            found = actor_of(doc, conj, depth + 1)
            if found:
                return found
    return None


def pronoun_actor(doc: Doc, tok: Token, exclude: set[str]) -> str | None:
    """An unresolved subject pronoun read as the nearest earlier actor in its sentence that
    fits it ("despite U.S. forces taking on ..., they will provide ...")."""
    if tok.tag_ != "PRP" or "fw_actors" not in doc.spans:
        return None
    person = tok.lower_ in ("he", "she", "him", "her")
    actors = {a.id: a for a in docext.records(doc, "fw_actors")}
    best = None
    for span in doc.spans["fw_actors"]:
        if not (tok.sent.start <= span.start and span.end <= tok.i) or not span.kb_id_ or span.kb_id_ in exclude:
            continue
        actor = actors.get(span.kb_id_)
        if actor is None or (actor.kind == "person") != person:
            continue
        root = span.root
        if root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near", "inside", "across", "throughout", "from", "to"):
            continue
        if best is None or span.start > best.start:
            best = span
    return best.kb_id_ if best is not None else None


def first_actor_in(doc: Doc, root: Token, exclude: set[str], skip: set[int], limit: int = 40) -> tuple[str | None, Token | None]:
    """Breadth-first: the nearest actor mention below `root` (a target hidden in a PP
    or a relative clause: "at al-Assad air base, where US troops are stationed")."""
    queue: deque[Token] = deque([root])
    seen = 0
    while queue and seen < limit:
        tok = queue.popleft()
        seen += 1
        if tok.i in skip:
            continue
        found = docext.actor_id_at(doc, tok)
        if found and found not in exclude:
            return found, tok
        queue.extend(tok.children)
    return None, None


def place_in(doc: Doc, root: Token, skip: set[int], limit: int = 40) -> tuple[str | None, Token | None]:
    queue: deque[Token] = deque([root])
    seen = 0
    while queue and seen < limit:
        tok = queue.popleft()
        seen += 1
        if tok.i in skip:
            continue
        found = docext.place_id_at(doc, tok)
        if found:
            return found, tok
        # "a U.S. military base in southern Syria": a nationality modifier is not the location
        queue.extend(c for c in tok.children if c.dep_ not in ("relcl", "ccomp", "parataxis", "compound", "amod", "poss", "nmod"))
    return None, None


def clause_tokens(tok: Token, skip: set[int]) -> Iterable[Token]:
    """Tokens of `tok`'s own clause: its subtree minus embedded clauses with their own verb."""
    stack = [tok]
    while stack:
        cur = stack.pop()
        if cur.i in skip:
            continue
        yield cur
        for child in cur.children:
            if child.dep_ in ("ccomp", "relcl", "parataxis", "advcl", "conj") and child.pos_ in ("VERB", "AUX"):
                continue
            if child.dep_ in ("acl", "xcomp") and child.pos_ == "VERB" and children(child, "aux") and \
                    children(child, "aux")[0].lower_ == "to" and cur.pos_ == "NOUN":
                # "an agreement with the Taliban to remove all our forces by May 1": the date is
                # the removal's, agreed on, not the agreement's
                continue
            stack.append(child)


def time_in(doc: Doc, tokens: Iterable[Token]) -> tuple[str | None, Token | None]:
    """The first time expression that starts among `tokens` (one that only ends there, as in
    "by May 1 of this past — of this year" with its repair attached elsewhere, is not theirs)."""
    toks = sorted(tokens, key=lambda t: t.i)
    own = {t.i for t in toks}
    for tok in toks:
        found = docext.spans_covering(doc, "fw_times", tok)
        if not found:
            continue
        span = max(found, key=len)
        if span.kb_id_ and span.start in own:
            return span.kb_id_, tok
    return None, None


def np_extent(tok: Token) -> tuple[int, int]:
    """Character extent of the noun phrase headed by `tok`, without clauses hanging off it."""
    start, end = tok.idx, tok.idx + len(tok)
    for child in tok.children:
        if child.i < tok.i and child.dep_ in NP_LEFT_DEPS:
            start = min(start, child.left_edge.idx)
        elif child.i > tok.i and child.dep_ in NP_RIGHT_DEPS:
            end = max(end, child.right_edge.idx + len(child.right_edge))
    for group in ("fw_actors", "fw_places", "fw_times"):
        for span in docext.spans_covering(tok.doc, group, tok):
            start, end = min(start, span.start_char), max(end, span.end_char)
    return start, end


def _number(text: str) -> float | None:
    text = text.lower().replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    return float(NUMBER_WORDS[text]) if text in NUMBER_WORDS else None


def count_of(doc: Doc, noun: Token) -> schema.Range | None:
    """How many people a victim noun phrase counts: "No U.S. personnel" 0, "a senior general" 1,
    "more than 100 servicemen" at least 100."""
    dets = {c.lower_ for c in children(noun, "det")}
    if "no" in dets or noun.lower_ in ("nobody", "none", "no one"):
        return schema.Range(min=0, max=0)
    nums = [c for c in noun.subtree if c.i < noun.i and (c.like_num or c.lower_ in NUMBER_WORDS) and c.dep_ in ("nummod", "amod", "quantmod", "compound", "pobj")]
    if nums:
        num = nums[-1]
        for span in docext.spans_covering(doc, "fw_quantities", num):
            q = docext.by_id(docext.records(doc, "fw_quantities"), span.kb_id_ or None)
            if q is not None and q.value is not None:
                return count_range(q.value, q.bound, q.value_max)
        value = _number(num.text)
        if value is None:
            return None
        window = doc[max(noun.left_edge.i, num.i - 4):num.i].text.lower()
        bound = "exact"
        if any(cue in window for cue in MIN_CUES):
            bound = "min"
        elif any(cue in window for cue in MAX_CUES):
            bound = "max"
        return count_range(value, bound, None)
    if noun.tag_ in ("NN", "NNP") and (dets & {"a", "an", "one", "the"} or noun.pos_ == "PROPN"):
        return schema.Range(min=1, max=1)
    if noun.pos_ == "PROPN" or docext.spans_covering(doc, "fw_actors", noun) and noun.tag_ == "NNP":
        return schema.Range(min=1, max=1)
    return None


def count_range(value: float, bound: str, value_max: float | None) -> schema.Range:
    """A quantity (value, bound) as a range of people."""
    v = int(value)
    if bound == "min":
        return schema.Range(min=v, max=None)
    if bound == "max":
        return schema.Range(min=None, max=v)
    if bound == "range" and value_max is not None:
        return schema.Range(min=v, max=int(value_max))
    return schema.Range(min=v, max=v)
