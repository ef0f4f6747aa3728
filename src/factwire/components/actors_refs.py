"""Pronoun and nominal references to actors: "he", "the general", "the prime minister", "the group".

Resolution is deliberately conservative: the nearest compatible antecedent the text supports,
otherwise nothing. First-person pronouns are never resolved (they sit inside quotes, where the
speaker is the quotes component's business).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .actors_lexicon import Lexicon
from .actors_mentions import Cand

PERSON_PRONOUNS = frozenset("he him his himself she her hers herself".split())
# "the (terrorist) group", "the militants": an armed group named before
GROUP_REF_NOUNS = frozenset("group militants militia militias insurgents extremists jihadists fighters rebels".split())
GROUP_REF_MODIFIERS = frozenset("terrorist extremist militant jihadist insurgent armed islamist rebel".split())
SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass"])
# sentences back that an antecedent may lie
PRONOUN_WINDOW_SUBJECT = 6
PRONOUN_WINDOW_ANY = 2
TITLE_WINDOW = 20
GROUP_WINDOW = 4


@dataclass
class Seen:
    start: int
    end: int
    key: str
    kind: str
    sent: int
    subject: bool
    titles: frozenset[str]
    country: str | None
    head_noun: str | None
    verb: int | None  # token index of the governing verb


def resolve_refs(doc: Doc, cands: list[Cand], ids: dict[str, str], lex: Lexicon) -> list[Span]:
    sent_of = _sentence_index(doc)
    ref_phrases = sorted({tuple(r.split()) for refs in lex.titles.values() for r in refs}, key=len, reverse=True)
    pending = sorted(cands, key=lambda c: c.start)
    covered = {i for c in cands for i in range((c.title_start if c.title_start is not None else c.start), c.end)}
    history: list[Seen] = []
    out: list[Span] = []
    i = 0
    while i < len(doc):
        while pending and pending[0].end <= i:
            cand = pending.pop(0)
            history.append(_seen(doc, cand, sent_of))
        tok = doc[i]
        if i in covered:
            i += 1
            continue
        found = None
        if tok.lower_ in PERSON_PRONOUNS:
            found = (i, i + 1, _pick_person(history, tok, sent_of[i]))
        elif tok.lower_ == "the":
            found = _title_ref(doc, i, history, ref_phrases, sent_of, cands) or _group_ref(doc, i, history, sent_of)
        if found is None:
            i += 1
            continue
        start, end, antecedent = found
        if antecedent is not None and antecedent.key in ids:
            out.append(Span(doc, start, end, label=antecedent.kind, kb_id=ids[antecedent.key]))
            span = doc[start:end]
            history.append(
                Seen(start, end, antecedent.key, antecedent.kind, sent_of[start], _is_subject(span),
                     antecedent.titles, antecedent.country, antecedent.head_noun, _verb(span.root))
            )
        i = end
    return out


def _seen(doc: Doc, cand: Cand, sent_of: list[int]) -> Seen:
    start = cand.title_start if cand.title_start is not None else cand.start
    span = doc[start:cand.end]
    return Seen(start, cand.end, cand.key, cand.kind, sent_of[start], _is_subject(span), cand.titles,
                cand.country, cand.head_noun, _verb(span.root))


def _pick_person(history: list[Seen], tok: Token, sent: int) -> Seen | None:
    persons = [h for h in reversed(history) if h.kind == "person"]
    for h in persons:
        if sent - h.sent > PRONOUN_WINDOW_SUBJECT:
            break
        if h.subject:
            return h
    for h in persons:
        if sent - h.sent > PRONOUN_WINDOW_ANY:
            break
        return h
    return None


def _title_ref(doc: Doc, i: int, history: list[Seen], phrases, sent_of, cands: list[Cand]):
    """'the general', 'the Iraqi prime minister' -> the last person who held that title."""
    j = i + 1
    country = None
    for cand in cands:
        # an optional nationality: "the Iraqi prime minister"
        if cand.start == j and cand.kind == "state":
            country, j = cand.country, cand.end
            break
    for phrase in phrases:
        n = len(phrase)
        if tuple(t.lower_ for t in doc[j:j + n]) != phrase:
            continue
        end = j + n
        if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            return None  # a title before a name: "the general Mark Milley" is a named mention
        for h in reversed(history):
            if sent_of[i] - h.sent > TITLE_WINDOW:
                break
            if h.kind == "person" and " ".join(phrase) in h.titles and (country is None or h.country in (None, country)):
                return i, end, h
        return i, end, None
    return None


def _group_ref(doc: Doc, i: int, history: list[Seen], sent_of):
    """'the group', 'the terrorist group' -> an armed group named shortly before."""
    j = i + 1
    while j < len(doc) and doc[j].lower_ in GROUP_REF_MODIFIERS:
        j += 1
    if j >= len(doc) or doc[j].lower_ not in GROUP_REF_NOUNS:
        return None
    noun = doc[j].lower_
    verb = _verb(doc[j])
    groups = []
    for h in reversed(history):
        if sent_of[i] - h.sent > GROUP_WINDOW:
            break
        # the subject of the ref's own clause is not what the ref points back to
        if h.kind == "armed_group" and not (h.subject and h.verb is not None and h.verb == verb):
            groups.append(h)
    best = next((h for h in groups if h.head_noun == noun), groups[0] if groups else None)
    return i, j + 1, best


def _is_subject(span: Span) -> bool:
    root = span.root
    if root.dep_ in SUBJECT_DEPS:
        return True
    if root.dep_ in ("compound", "appos", "conj") and root.head.dep_ in SUBJECT_DEPS:
        return True
    # "according to X": X is the speaker
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


def _verb(tok: Token) -> int | None:
    seen = 0
    while tok.head is not tok and seen < 20:
        tok = tok.head
        seen += 1
        if tok.pos_ in ("VERB", "AUX"):
            return tok.i
    return None


def _sentence_index(doc: Doc) -> list[int]:
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [0] * len(doc)
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for tok in sent:
            out[tok.i] = n
    return out
