"""The body an article speaks for, and its first-person plural outside quotations.

Press releases and statements are written in the publisher's voice: "The United States strongly
condemns ... We extend our deepest condolences" (US State Department), "We will continue to
strike ISIL" (CENTCOM). A "we"/"us"/"our" outside any quotation there refers to the publishing
body, and in a state's own statement so does "this country" ("the forces that attacked this
country on September 11th", White House). re3d's guidelines (README, Entity Schema) annotate
such references as Organisation: "a group of people, a government ... referenced ... in relying
on context". Split from actors_refs.py (which calls these).

The publisher is taken only from what the article itself supports:
1. the subject of the article's first sentence, when it is a body speaking in the present tense
   ("The United States strongly condemns", "The UK welcomes"), else
2. the article's outlet (ArticleMeta.outlet: "CENTCOM", "UK Government") when the text names
   the same body (a lexicon alias inside the outlet's name that some mention in the text has).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .actors_lexicon import Lexicon
from .actors_mentions import Cand

FIRST_PLURAL = frozenset("we us our ours ourselves".split())
OWN_COUNTRY_NOUNS = frozenset(["country", "nation"])
SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass"])
# a statement's opening verb in the press-release voice: present tense ("condemns", "has worked")
PRESENT_TAGS = frozenset(["VBZ", "VBP"])
OPEN_QUOTES = frozenset(['"', "“"])
CLOSE_QUOTES = frozenset(["”"])
STRAIGHT = '"'


def quoted_tokens(doc: Doc) -> set[int]:
    """Tokens inside a quotation. A quotation ends at its closing mark or at the paragraph's end
    (a quote running over paragraphs reopens each one with an opening mark)."""
    inside: set[int] = set()
    open_ = False
    for tok in doc:
        if "\n" in tok.text:
            open_ = False
        elif tok.text == STRAIGHT:
            open_ = not open_
        elif tok.text in OPEN_QUOTES:
            open_ = True
        elif tok.text in CLOSE_QUOTES:
            open_ = False
        elif open_:
            inside.add(tok.i)
        if "\n" in tok.whitespace_:
            open_ = False
    return inside


def publisher(doc: Doc, cands: list[Cand], ids: dict[str, str], lex: Lexicon) -> str | None:
    """The id of the body the article is written by (module docstring), or None."""
    bodies = [c for c in cands if c.kind != "person" and c.key in ids]
    if not bodies:
        return None
    found = _first_sentence_speaker(doc, bodies)
    if found is not None:
        return ids[found.key]
    return _outlet_body(doc, bodies, ids, lex)


def _first_sentence_speaker(doc: Doc, bodies: list[Cand]) -> Cand | None:
    if not doc.has_annotation("DEP"):
        return None
    sent = next((s for s in doc.sents if any(t.is_alpha for t in s)), None)
    if sent is None:
        return None
    at = {i: c for c in bodies for i in range(c.start, c.end)}
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or not (
        root.tag_ in PRESENT_TAGS or any(c.dep_ == "aux" and c.tag_ in PRESENT_TAGS for c in root.children)
    ):
        return None
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None:
        return None
    # the body itself ("The United States"), not a group it qualifies ("Iraqi forces")
    return at.get(subj.i)


def _outlet_body(doc: Doc, bodies: list[Cand], ids: dict[str, str], lex: Lexicon) -> str | None:
    article = doc._.fw_article
    outlet = getattr(article, "outlet", None) if article is not None else None
    if not outlet:
        return None
    words = outlet.replace("-", " ").replace("_", " ").split()
    named = {c.key for c in bodies}
    # the longest lexicon name inside the outlet's name that the text names: "US State Department"
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            key = lex.aliases.get(" ".join(words[first:first + size]))
            if key is not None and key in named:
                return ids[key]
    return None


def publisher_refs(doc: Doc, cands: list[Cand], ids: dict[str, str], author: str | None, taken: set[int]) -> list[Span]:
    """'we', 'us', 'our' outside any quotation -> the publishing body."""
    if author is None:
        return []
    kind = next((c.kind for c in cands if c.key in ids and ids[c.key] == author), None)
    if kind is None:
        return []
    quoted = quoted_tokens(doc)
    out = [
        Span(doc, t.i, t.i + 1, label=kind, kb_id=author)
        for t in doc
        if t.lower_ in FIRST_PLURAL and t.text != "US" and t.i not in taken and t.i not in quoted
    ]
    if kind == "state":
        # a state's own statement calls it "this country" as it calls it "we"
        out += [
            Span(doc, t.i, t.i + 2, label=kind, kb_id=author)
            for t in doc[:-1]
            if t.lower_ == "this" and doc[t.i + 1].lower_ in OWN_COUNTRY_NOUNS
            and not {t.i, t.i + 1} & taken and t.i not in quoted
        ]
    return out
