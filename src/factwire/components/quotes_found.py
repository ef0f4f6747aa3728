"""The records factwire_quotes builds before it writes schema.Quotes, and the rules that pass a
speaker from one quotation to the next: a quotation continued over paragraphs, a cueless
quotation in an attributed quotation's paragraph, and a paragraph that is nothing but a quotation
right after an attributed one."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Token

from .quotes_marks import Marked


@dataclass
class Attribution:
    cue: tuple[int, int] | None  # token range of the cue
    speaker: Token | None


@dataclass
class Found:
    start: int
    end: int
    kind: str
    attribution: Attribution | None
    marked: Marked | None = None
    turn: bool = False  # a speaker's turn ("WALLACE: ..."), whose label may sit inside marks


def share_attributions(found: list[Found]) -> None:
    """A quotation continued over paragraphs keeps one speaker; a direct quotation with no cue of
    its own takes the attribution of the nearest attributed quotation in its paragraph."""
    groups: dict[int, Attribution] = {}
    for f in found:
        if f.marked and f.marked.group is not None and f.attribution is not None:
            groups.setdefault(f.marked.group, f.attribution)
    for f in found:
        if f.attribution is None and f.marked and f.marked.group is not None:
            f.attribution = groups.get(f.marked.group)
    for i, f in enumerate(found):
        if f.attribution is not None or f.kind != "direct" or f.marked is None:
            continue
        para = f.marked.paragraph
        before = [g for g in found[:i] if g.marked and g.marked.paragraph == para and g.attribution]
        after = [g for g in found[i + 1 :] if g.marked and g.marked.paragraph == para and g.attribution]
        source = before[-1] if before else after[0] if after else None
        if source is not None:
            f.attribution = replace(source.attribution)  # type: ignore[arg-type]


def continue_turns(text: str, found: list[Found], paras: list[tuple[int, int]]) -> None:
    """A paragraph that is nothing but a quotation, with no cue of its own, goes on with the words
    of the speaker quoted in the paragraph before ("“A,” she said. ¶ “B.”"): newswire leaves the
    second attribution implicit, and PolNeAR marks both as one attribution."""
    last_direct: dict[int, Found] = {}
    for f in found:
        if f.marked is None:
            continue
        para = f.marked.paragraph
        if f.attribution is None and f.kind == "direct" and para - 1 in last_direct:
            start, end = paras[para]
            rest = text[start:end]
            for g in found:
                if g.marked is not None and g.marked.paragraph == para:
                    close = g.marked.close_end if g.marked.close_end is not None else g.end
                    rest = rest.replace(text[g.marked.open_start : close], "")
            if not re.search(r"[^\W_]", rest):
                f.attribution = replace(last_direct[para - 1].attribution)  # type: ignore[arg-type]
        if f.kind == "direct" and f.attribution is not None:
            last_direct[para] = f
