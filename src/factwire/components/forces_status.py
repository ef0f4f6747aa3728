"""The status of a force level (current, planned, peak, past, target) and the part of its
clause that dates it.

Reports state levels in a few recurring shapes, each with its own reading:
- a plain level: "has 900 troops in Syria" (current), "had 170,000" (past), "will keep 2,500" (planned);
- one end of a change: "cut ... to 2,500 from 3,000", "drew forces down to 2,500", "down from 2,000 in 2018".
  The level a change reaches is a target while the change is ahead ("will cut to 2,500"), current once
  it is done and still holds ("has drawn down to 2,500"), past when told as history ("drew ... down to 2,500");
  the level a change leaves is current while the change is ahead, past otherwise;
- a cap or goal: "capped at 800", "a ceiling of 3,000" (target);
- a request: "called for 20,000 more troops", "requested 4,000" (planned);
- a high point: "at its peak, more than 170,000" (peak).
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Token

from .forces_lexicon import ForceLexicon
from .forces_rules import Anchor, clause_root, clause_tokens, is_prep, sentence

Tense = Literal["past", "perfect", "future", "present"]
Role = Literal["to", "from"]

CAP_WORDS = frozenset({"cap", "ceiling", "limit", "goal", "target"})
# "called for", "asked for": a verb that requests troops only with this preposition
REQUEST_WITH_FOR = frozenset({"call", "ask", "push", "press", "appeal"})
PAST_AUX = frozenset({"had", "was", "were", "did", "'d"})
PERFECT_AUX = frozenset({"has", "have", "'s", "'ve"})


def count_role(anchor: Anchor, lex: ForceLexicon) -> Role | None:
    """'to' for the level a change reaches, 'from' for the level it leaves, None for a plain level."""
    for child in anchor.number.lefts:
        # "from 3,000 to 2,500" is often parsed with "to" as a quantifier of the second figure
        if child.dep_ == "quantmod" and child.lower_ in ("to", "from"):
            return child.lower_ if child.lower_ == "from" or _changes(anchor, lex) else None
    prep = nearest_prep(anchor)
    if prep is None or prep.lower_ not in ("to", "from"):
        return None
    if prep.lower_ == "from":
        return "from"
    return "to" if _changes(anchor, lex) else None  # "close to 900" is no change


def nearest_prep(anchor: Anchor) -> Token | None:
    """The first preposition above the figure, past measure nouns ("down to a minimum of 2,500" -> to)."""
    chain = anchor.path if not anchor.direct else _up_from(anchor.noun, 3)
    for tok in chain:
        if is_prep(tok) and tok.lower_ != "of":
            return tok
        if tok.pos_ in ("VERB", "AUX"):
            return None
    return None


def _up_from(token: Token, hops: int) -> list[Token]:
    out: list[Token] = []
    cur = token
    for _ in range(hops):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
    return out


def _changes(anchor: Anchor, lex: ForceLexicon) -> bool:
    words = [*anchor.path, *( [anchor.verb] if anchor.verb is not None else [])]
    root = clause_root(anchor)
    if root is not None:
        words.append(root)
        words += [c for c in root.children if c.dep_ in ("prt", "advmod")]
    return any(t.lemma_.lower() in lex.change_words or t.lower_ in lex.change_words for t in words)


def clause_tense(verb: Token | None, lex: ForceLexicon) -> Tense:
    """How the clause places its level in time, judged on its highest verb."""
    if verb is None:
        return "present"
    if is_future(verb, lex):
        return "future"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {c.lower_ for c in auxes}
    if aux_words & PAST_AUX or (verb.tag_ == "VBD" and not aux_words):
        return "past"
    if aux_words & PERFECT_AUX and verb.tag_ == "VBN":
        return "perfect"
    if verb.tag_ == "VBD":
        return "past"
    return "present"


def is_future(verb: Token | None, lex: ForceLexicon) -> bool:
    """Will/shall, or a verb of planning above it ("plans to send", "authorized the deployment")."""
    for _ in range(3):
        if verb is None:
            return False
        if verb.lemma_.lower() in lex.plan_verbs:
            return True
        if any(c.dep_ == "aux" and c.lower_ in lex.future_aux for c in verb.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ == "going" for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "ccomp", "advcl") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def is_request(anchor: Anchor) -> bool:
    """ "called for 20,000 more troops", "asked for 4,000": a level someone wants, not one that is."""
    for verb in (anchor.verb, clause_root(anchor)):
        if verb is None or verb.lemma_.lower() not in REQUEST_WITH_FOR:
            continue
        if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
            return True
    return False


def peak_cue(anchor: Anchor, lex: ForceLexicon, numerals: list[Token]) -> bool:
    """A peak word in the clause whose nearest count is this one."""
    for token in clause_tokens(anchor):
        if token.lemma_.lower() not in lex.peak and token.lower_ not in lex.peak:
            continue
        same_sent = [n for n in numerals if sentence(n).start == sentence(token).start]
        if same_sent and min(same_sent, key=lambda n: abs(n.i - token.i)).i == anchor.number.i:
            return True
    return False


def force_status(anchor: Anchor, lex: ForceLexicon, numerals: list[Token]) -> str:
    if peak_cue(anchor, lex, numerals):
        return "peak"
    path_words = {t.lemma_.lower() for t in anchor.path} | {t.lower_ for t in anchor.path}
    if path_words & CAP_WORDS:
        return "target"
    root = clause_root(anchor)
    tense = clause_tense(root, lex)
    if tense == "present" and anchor.verb is not None and (root is None or anchor.verb.i != root.i):
        tense = clause_tense(anchor.verb, lex)
    role = count_role(anchor, lex)
    if role == "from":
        return "current" if tense == "future" else "past"
    if role == "to":
        return {"past": "past", "perfect": "current"}.get(tense, "target")
    if tense == "future" and anchor.direct and _possessed(anchor.noun) and _changes(anchor, lex):
        return "current"  # "will withdraw its 5,100 troops": the force it has now
    if is_request(anchor) or tense == "future":
        return "planned"
    return "past" if tense == "past" else "current"


def _possessed(noun: Token) -> bool:
    return any(c.dep_ == "poss" for c in noun.children)


def own_phrase(anchor: Anchor) -> list[Token]:
    """The tokens of the figure's own prepositional phrase ("from 2,000 in 2018"): a date inside
    it dates this figure and no other."""
    prep = nearest_prep(anchor)
    if prep is None:
        return []
    return list(prep.subtree)
