"""Indirect speech for factwire_quotes: a reporting verb and the clause it reports (parse required).

The content is the clausal complement with its complementizer ("that the talks have ended"),
as PolNeAR marks it; "X, he said, would ..." (parataxis) and "according to X" report the clause
they hang on. A report nested in another one by its own subject ("officials say they believe
Iran was behind ...") is one attribution; a subjectless one ("..., adding that ...") is a second
attribution by the same speaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from spacy.tokens import Doc, Token

from .quotes_cues import SUBJECT_DEPS, Lexicon, cue_end, prepositional_cue, speaker_of_prepositional, speaker_of_verb, verb_cue

TRIM = set(",;:.!?\u2014\u2013-\"\u201c\u201d'()")
MIN_CONTENT_WORDS = 2


@dataclass
class Reported:
    cue: tuple[int, int]
    content: tuple[int, int]  # token range
    speaker: Token | None
    verb: Token


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].text in TRIM or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in TRIM or doc[end - 1].is_space):
        end -= 1
    return start, end


def _subtree(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _minus(outer: tuple[int, int], inner: tuple[int, int]) -> tuple[int, int]:
    """`outer` without `inner` when inner sits at one of its edges; otherwise `outer` whole."""
    if inner[0] <= outer[0] < inner[1]:
        return inner[1], outer[1]
    if inner[0] < outer[1] <= inner[1]:
        return outer[0], inner[0]
    return outer


def _object_content(verb: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The content of an object cue: its infinitive with the addressee ("urged them to leave"),
    else its object ("denied any involvement"), else a for/on phrase ("called for a ceasefire")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # "X was blamed for Y": the reported content is not the verb's object
    rights = list(verb.rights)
    xcomp = next((c for c in rights if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.lefts)), None)
    dobj = next((c for c in rights if c.dep_ == "dobj"), None)
    if xcomp is not None:
        start = dobj.left_edge.i if dobj is not None and dobj.i < xcomp.i else xcomp.left_edge.i
        return start, xcomp.right_edge.i + 1
    if dobj is not None:
        end = dobj.right_edge.i + 1
        for c in rights:  # "called it a “grave mistake”": the object's predicate belongs to it
            if c.dep_ in ("oprd", "xcomp") and c.i >= end:
                end = c.right_edge.i + 1
        return dobj.left_edge.i, end
    prep = next((c for c in rights if c.dep_ == "prep" and c.lower_ in lex.object_preps), None)
    if prep is not None and prep.i == verb.i + 1:
        return prep.i + 1, prep.right_edge.i + 1
    return None


def _candidates(doc: Doc, lex: Lexicon, inside_quote: Callable[[int], bool]) -> Iterator[Reported]:
    for token in doc:
        if inside_quote(token.idx):
            continue
        if prepositional_cue(doc, token.i, lex) is not None and token.head is not token:
            end = prepositional_cue(doc, token.i, lex)
            assert end is not None
            phrase = _subtree(token)
            clause = _subtree(token.head) if token.head.pos_ in ("VERB", "AUX") else (token.sent.start, token.sent.end)
            content = _minus(_trim(doc, *clause), (min(phrase[0], token.i), max(phrase[1], end)))
            yield Reported((token.i, end), content, speaker_of_prepositional(doc, token.i, end), token)
            continue
        if verb_cue(token, lex, "object") and not any(c.dep_ == "ccomp" for c in token.children):
            content = _object_content(token, lex)
            if content is not None:
                yield Reported((token.i, cue_end(token, lex)), content, speaker_of_verb(token), token)
            continue
        if not verb_cue(token, lex, "complement"):
            continue
        cue = (token.i, cue_end(token, lex))
        # two complements on one side of the verb are one content the parser split in two
        for side in ([c for c in token.lefts if c.dep_ == "ccomp"], [c for c in token.rights if c.dep_ == "ccomp"]):
            if side:
                content = (min(_subtree(c)[0] for c in side), max(_subtree(c)[1] for c in side))
                yield Reported(cue, content, speaker_of_verb(token), token)
        if token.dep_ == "parataxis" and token.head is not token and any(c.dep_ in SUBJECT_DEPS for c in token.children):
            # "The key, he said, would be ...": the verb comments on the clause it hangs on
            content = _minus(_trim(doc, *_subtree(token.head)), _subtree(token))
            yield Reported(cue, content, speaker_of_verb(token), token)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def indirect_quotes(
    doc: Doc, lex: Lexicon, inside_quote: Callable[[int], bool], direct: list[tuple[int, int]]
) -> list[tuple[int, int, tuple[int, int], Token | None]]:
    """(start_char, end_char, cue token range, speaker token) of each indirect quotation."""
    reports = []
    for r in _candidates(doc, lex, inside_quote):
        start, end = _trim(doc, *r.content)
        if end - start < MIN_CONTENT_WORDS:
            continue
        chars = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        # a complement that is (part of) a direct quotation is that quotation, already found
        if any(_overlaps(chars, d) for d in direct) or inside_quote(chars[0]):
            continue
        r.content = (start, end)
        reports.append(r)
    # outermost first, so a nested report sees its container
    reports.sort(key=lambda r: -(r.content[1] - r.content[0]))
    kept: list[Reported] = []
    for r in reports:
        outer = next((k for k in kept if k.content[0] <= r.cue[0] < k.content[1] and k.verb is not r.verb), None)
        if outer is None:
            kept.append(r)
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in r.verb.children):
            continue  # "say they believe ...": one attribution, already covered by the outer one
        # "..., adding that ...": a second statement by the outer speaker, cut out of the outer content
        outer.content = _trim(doc, *_minus(outer.content, _subtree(r.verb)))
        r.speaker = r.speaker if r.verb.dep_ not in ("advcl", "conj") else outer.speaker
        kept.append(r)
    out = []
    for r in kept:
        start, end = r.content
        if end <= start:
            continue
        out.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), r.cue, r.speaker))
    return out
