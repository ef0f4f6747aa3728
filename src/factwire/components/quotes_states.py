"""Attributions beyond reporting verbs, for factwire_quotes' indirect speech (quotes_indirect.py):
held states ("Democrats are concerned that ...", "it is clear that ..."), findings ("a poll
found Trump leading"), "as X reported" clauses and clauses with a gerund subject, plus the rule
that a report never crosses a paragraph break. PolNeAR counts beliefs, feelings, findings and
stances as attributions, with their holder as the source."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .quotes_cues import SUBJECT_DEPS, Lexicon, verb_cue


def span_of(token: Token) -> tuple[int, int]:
    """The token range of `token`'s subtree."""
    return token.left_edge.i, token.right_edge.i + 1


def states_a_finding(verb: Token) -> bool:
    """ "found the area welcoming", "found Trump leading", "found little evidence that ...": a
    predicate or a clause makes "find" a finding; "find their way", "find jobs" are deeds."""
    # an infinitive is a purpose, not a predicate ("will consider other bases to mobilize troops")
    if any(c.dep_ in ("oprd", "ccomp") or (c.dep_ == "xcomp" and not infinitive(c)) for c in verb.rights):
        return True
    dobj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    return dobj is not None and any(
        (c.dep_ in ("acl", "ccomp", "relcl") and not infinitive(c)) or c.tag_ == "VBG" for c in dobj.children
    )


def as_reported(verb: Token, lex: Lexicon) -> bool:
    """ "as X reported", "as he said": a speech verb in an "as" clause with a subject and no
    object or complement of its own (the clause it hangs on fills that gap)."""
    if verb.dep_ != "advcl" or verb.head is verb or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if not verb_cue(verb, lex, "governing"):
        return False
    kids = list(verb.children)
    return (
        any(c.dep_ == "mark" and c.lower_ == "as" for c in kids)
        and any(c.dep_ in SUBJECT_DEPS for c in kids)
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "auxpass") for c in kids)
    )


def infinitive(token: Token) -> bool:
    return any(a.lower_ == "to" and a.dep_ == "aux" for a in token.lefts)


def held_state(adj: Token, lex: Lexicon) -> tuple[tuple[int, int], Token | None] | None:
    """A predicate adjective of a mental state or stance with its content: "some Democrats are
    concerned that ...", "he was proud of his record", "Republicans are wary of ...", "it is
    clear that ..." (PolNeAR counts beliefs, feelings and stances as attributions). The
    holder is the copula's subject; the content its clause, infinitive or prepositional object.
    An impersonal one ("clear", "obvious") needs the expletive "it" and a clause, and has no holder."""
    if adj.pos_ not in ("ADJ", "VERB") or adj.dep_ != "acomp":
        return None
    lemma = adj.lower_
    if lemma not in lex.stance_adjectives and lemma not in lex.impersonal_adjectives:
        return None
    copula = adj.head
    subject = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    clause = next((c for c in adj.rights if c.dep_ in ("ccomp", "xcomp")), None)
    if clause is None:
        clause = next((c for c in copula.rights if c.dep_ == "ccomp" and c.i > adj.i), None)
    if lemma in lex.impersonal_adjectives:
        if subject.lower_ != "it" or clause is None:
            return None
        return span_of(clause), None
    if subject.lower_ in ("it", "there", "this", "that", "which", "what") or subject.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None  # "it is sure to ...": no holder
    if clause is not None:
        return span_of(clause), subject
    prep = next((c for c in adj.rights if c.dep_ == "prep" and c.i == adj.i + 1 and c.lower_ in lex.stance_preps | {"with", "in", "at", "over"}), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if obj is None:
        return None
    return span_of(obj), subject


def gerund_clause(verb: Token) -> Token | None:
    """ "He said legalizing it could put thousands to work": a clause opening with a gerund subject,
    which the parser hangs on the cue as an open complement (xcomp) instead of a ccomp. Only when
    the cue has no ccomp and the gerund heads a finite clause of its own ("could put")."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    for c in verb.rights:
        if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1:
            if any(g.dep_ == "ccomp" and any(a.dep_ in SUBJECT_DEPS for a in g.children) for g in c.rights):
                return c
    return None


def paragraph_of(doc: Doc, cue: int, content: tuple[int, int]) -> tuple[int, int]:
    """`content` cut to the paragraph of its cue. The parser sometimes runs a sentence on over a
    paragraph break ("... about this.” ¶ Obama says ..."); a report never crosses one, and the
    next paragraph's own cue then reports its own clause instead of nesting in this one."""
    start, end = content
    for k in range(cue, end):
        if "\n" in doc[k].text and k >= start:
            end = k
            break
    for k in range(cue - 1, start - 1, -1):
        if "\n" in doc[k].text and k < end:
            start = k + 1
            break
    return start, max(start, end)
