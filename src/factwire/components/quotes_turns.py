"""Speaker turns for factwire_quotes: "WALLACE: Let's start ..." and "Trump: I'm Not a Socialist".

A paragraph that opens with a speaker's name and a colon reports that speaker's own words up to
the paragraph's end (transcripts, interview write-ups, headlines), as PolNeAR marks it with the
colon as cue. Only names count: an all-capitals label in a text with at least two such turns
(a transcript), or a capitalised label whose words the model or the actors component knows as a
person, organisation or country ("The Latest:", "Update:", "Note:" are not speakers).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .quotes_marks import paragraphs

# up to four capitalised words, then a colon and the turn's first word
_LABEL = re.compile(r"[ \t]*[\"\u201c]?((?:Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.|[A-Z][A-Za-z'\u2019-]*)(?:[ \t]+(?:[A-Z][A-Za-z.'\u2019-]*)){0,3})[ \t]*:[ \t]+(?=\S)")
NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
MIN_TRANSCRIPT_TURNS = 2
MIN_TURN_WORDS = 3
ARTICLES = {"the", "a", "an", "this", "that", "these", "update", "note", "editor"}


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _named(doc: Doc, tokens: list[Token]) -> bool:
    actors = doc.spans["fw_actors"] if "fw_actors" in doc.spans else []
    words = [t for t in tokens if t.is_alpha]
    if not words or words[0].lower_ in ARTICLES:
        return False
    for t in words:
        if t.ent_type_ not in NAME_ENTS and not any(s.start <= t.i < s.end for s in actors):
            return False
    return True


def speaker_turns(doc: Doc) -> list[tuple[int, int, tuple[int, int], Token]]:
    """(start_char, end_char, cue token range, speaker token) of each turn."""
    found = []
    for start, end in paragraphs(doc.text):
        m = _LABEL.match(doc.text, start, end)
        if m is None:
            continue
        body = doc.text[m.end() : end].strip()
        if len(body.split()) < MIN_TURN_WORDS:
            continue
        found.append((m, body))
    capitals = sum(1 for m, _ in found if m.group(1).replace(".", "").replace(" ", "").isupper())
    out = []
    for m, body in found:
        label = m.group(1)
        tokens = _tokens(doc, m.start(1), m.end(1))
        colon = _tokens(doc, m.end(1), m.end())
        colon = [t for t in colon if t.text == ":"]
        if not tokens or not colon:
            continue
        is_caps = label.replace(".", "").replace(" ", "").isupper()
        if not ((is_caps and capitals >= MIN_TRANSCRIPT_TURNS) or _named(doc, tokens)):
            continue
        s = m.end()
        e = s + len(doc.text[s:].split("\n", 1)[0].rstrip())
        out.append((s, e, (colon[0].i, colon[0].i + 1), tokens[-1]))
    return out
