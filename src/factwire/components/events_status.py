"""Status (occurred, planned, alleged, ...) and reporting source of an event mention.

The status is read from the nearest cue on the path from the trigger up to the reporting
verb that introduces it: "will provide" planned, "expects X to step up attacks" predicted,
"blamed for the assassination" alleged, "had nothing to do with the strike" denied.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import docext
from .events_args import actor_of, children, pobjs
from .events_lexicon import Lexicon

FINITE_TAGS = ("VBD", "VBZ", "VBP")


def is_reporting(lex: Lexicon, tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.words("reporting_verbs")


def nothing_to_do_with(tok: Token) -> bool:
    """`tok` is the "with" of "had nothing to do with" / "no role in" and the like."""
    sent = tok.sent
    window = tok.doc[max(sent.start, tok.i - 5):tok.i + 1].text.lower().replace("’", "'")
    return any(window.endswith(p) for p in ("nothing to do with", "no role in", "no part in", "no involvement in", "no hand in", "not involved in", "not responsible for", "no connection to", "no link to"))


def ancestor_cue(lex: Lexicon, tok: Token, main: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.lower_ == "behind" and tok.head.lemma_ == "be":
        return "alleged"
    if tok.dep_ == "prep" and nothing_to_do_with(tok):
        return "denied"
    if tok.pos_ in ("VERB", "NOUN", "ADJ", "ADV", "ADP"):
        for status in ("alleged", "denied", "predicted", "planned", "ongoing", "hypothetical"):
            if lemma in lex.words(f"status.{status}") or tok.lower_ in lex.words(f"status.{status}"):
                # "announced on Thursday that talks ... have ended": an announcement is a report, not a plan
                if status == "planned" and lemma == "announce" and main.tag_ in ("VBD", "VBN"):
                    continue
                return status
    return None


def own_cue(lex: Lexicon, tok: Token) -> str | None:
    for aux in children(tok, "aux", "auxpass"):
        word = aux.lower_
        if word in lex.words("status.future_aux"):
            return "planned"
        if word in lex.words("status.conditional_aux"):
            return "hypothetical"
        if word in lex.words("status.would_aux"):
            return "planned"
    for mark in children(tok, "mark"):
        if mark.lower_ in lex.words("status.conditional_mark"):
            return "hypothetical"
    return None


def negated(lex: Lexicon, tok: Token) -> bool:
    for child in children(tok, "neg"):
        if child.lower_ in lex.words("status.negation"):
            return True
    if tok.pos_ == "NOUN" and any(c.lower_ == "no" for c in children(tok, "det")):
        return True
    return False


def status_of(lex: Lexicon, main: Token) -> str:
    if negated(lex, main):
        return "negated"
    cue = own_cue(lex, main)
    if cue:
        return cue
    if any(a.lower_ in lex.words("status.alleged") for a in children(main, "advmod")):
        return "alleged"  # "rebels reportedly attacked", "allegedly killed"
    if main.pos_ == "NOUN" and main.dep_ in ("nsubj", "nsubjpass"):
        # "the withdrawal would not pose a threat": the modal is about the predicate, not the event
        return "occurred"
    cur = main
    for _ in range(12):
        if cur.dep_ == "ROOT" or cur.head is cur:
            break
        came_by = cur.dep_
        if came_by == "conj" and cur.tag_ in FINITE_TAGS:
            break
        if came_by == "advcl" and (cur.tag_ == "VBD" or any(a.tag_ == "VBD" for a in children(cur, "aux", "auxpass"))):
            break  # "After Iran attacked the base, the US will respond": a past clause keeps its own time
        cur = cur.head
        if cur.i != main.i and is_reporting(lex, cur) and cur.lemma_.lower() not in ("believe", "think", "accuse", "blame", "deny", "allege", "claim", "predict", "warn"):
            break
        if came_by in ("xcomp", "ccomp") and cur.lemma_.lower() in lex.words("status.failure"):
            return "negated"  # "failed to reach agreement"
        cue = ancestor_cue(lex, cur, main)
        if cue:
            return cue
        if came_by == "xcomp" and negated(lex, cur):
            return "negated"
        if cur.pos_ in ("VERB", "AUX"):
            cue = own_cue(lex, cur)
            if cue:
                return cue
        if cur.lemma_.lower() in ("believe", "think", "claim", "allege", "accuse", "blame"):
            break
    if main.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in children(main, "aux")):
        return "ongoing"
    return "occurred"


def reporter(lex: Lexicon, tok: Token, topmost: bool = False) -> tuple[Token | None, Token | None]:
    """(reporting verb, its subject) enclosing `tok`; the nearest one, or the topmost."""
    found: tuple[Token | None, Token | None] = (None, None)
    cur = tok
    for _ in range(12):
        if cur.dep_ == "ROOT" or cur.head is cur:
            break
        cur = cur.head
        if is_reporting(lex, cur):
            # a passive subject is what is reported on ("X was blamed"), the agent reports it
            subj = children(cur, "nsubj") or [o for a in children(cur, "agent") for o in children(a, "pobj")]
            who = subj[0] if subj else None
            if who is None:
                for obj in pobjs(cur, ("according",)):
                    who = obj
            found = (cur, who)
            if not topmost:
                return found
    # "according to X, ..." attached to the clause itself
    for prep in tok.sent:
        if prep.lower_ == "according":
            for to in children(prep, "prep"):
                objs = children(to, "pobj")
                if objs and found[0] is None:
                    return prep, objs[0]
    return found


def source_of(lex: Lexicon, doc: Doc, tok: Token) -> str | None:
    """The actor who reports the event: the speaker of the quote it sits in, else the subject
    of the reporting verb above it."""
    for quote in docext.records(doc, "fw_quotes"):
        if quote.speaker and quote.start <= tok.idx < quote.end:
            return quote.speaker
    cur: Token | None = tok
    for _ in range(4):
        verb, who = reporter(lex, cur)
        if verb is None:
            return None
        found = actor_of(doc, who)
        if found:
            return found
        cur = verb
    return None
