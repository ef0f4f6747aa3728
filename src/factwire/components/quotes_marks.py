"""Pairing quotation marks in plain text: the character-level half of factwire_quotes.

Works on text alone (no parse), paragraph by paragraph, so an unbalanced mark can never swallow
the rest of an article. Handles curly, straight, guillemet and typewriter (``...'' / ''...'')
double marks; single marks nested inside a double quote (skipped: they are part of it); and
top-level single marks when they are clearly a quotation rather than an apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Double marks, longest first so that '' is read as one mark rather than two apostrophes.
_DOUBLE = re.compile(r"''|``|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")
_OPEN_SHAPE = {"\u201c", "\u201e", "\u201f", "\u00ab", "``"}
_CLOSE_SHAPE = {"\u201d", "\u00bb"}
# Straight marks: their role comes from the characters around them.
_EITHER = {'"', "''"}

_SINGLE = re.compile(r"[\u2018\u2019']")
_OPEN_CONTEXT = set("([{\u2014\u2013-/\u201c\"\u00ab")
_CLOSE_FOLLOW = set(".,;:!?)]}\u2014\u2013-\u201d\"\u00bb")
# Elisions that start with an apostrophe and are not quotations: 'em, 'til, 'cause, '90s, 'n'.
_ELISION = re.compile(r"'(?:em|til|tis|twas|cause|bout|n'?|round|kay|\d\d?s?)\b", re.IGNORECASE)
_CONTENT = re.compile(r"[^\W_]")  # a quotation holds at least one letter or digit
MAX_SINGLE = 300  # a top-level single-marked quotation longer than this is an apostrophe misread


@dataclass
class Marked:
    """A quotation found by its marks; offsets are into the whole text."""

    start: int  # first character of the content (after the opening mark)
    end: int  # end of the content (before the closing mark, or the paragraph end)
    open_start: int  # where the opening mark starts
    close_end: int | None  # where the closing mark ends; None when the paragraph ends first
    paragraph: int  # index of the paragraph
    single: bool = False  # marked with single quotes
    group: int | None = None  # quotations continued over paragraphs share a group number


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line block; a newline always ends a paragraph here."""
    out = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            out.append((match.start(), match.end()))
    return out


def _before(text: str, pos: int, start: int) -> str | None:
    return text[pos - 1] if pos > start else None


def _after(text: str, pos: int, end: int) -> str | None:
    return text[pos] if pos < end else None


def _opening_context(prev: str | None, nxt: str | None) -> bool:
    return (prev is None or prev.isspace() or prev in _OPEN_CONTEXT) and nxt is not None and not nxt.isspace()


def _closing_context(prev: str | None, nxt: str | None) -> bool:
    return prev is not None and not prev.isspace() and (nxt is None or nxt.isspace() or nxt in _CLOSE_FOLLOW)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _double_in_paragraph(text: str, start: int, end: int, index: int) -> list[Marked]:
    out: list[Marked] = []
    open_mark: tuple[int, int] | None = None  # (mark start, content start) of the pending quotation

    def finish(content_end: int, close_end: int | None) -> None:
        assert open_mark is not None
        s, e = _strip(text, open_mark[1], content_end)
        if _CONTENT.search(text, s, e):
            out.append(Marked(s, e, open_mark[0], close_end, index))

    for match in _DOUBLE.finditer(text, start, end):
        mark = match.group()
        prev, nxt = _before(text, match.start(), start), _after(text, match.end(), end)
        opens = _opening_context(prev, nxt)
        closes = _closing_context(prev, nxt)
        if open_mark is None:
            # A closing shape in an opening position is a wrong-shaped opener (”Text ...).
            if mark in _OPEN_SHAPE or (mark in _EITHER and not closes) or (mark in _CLOSE_SHAPE and opens and not closes):
                open_mark = (match.start(), match.end())
            continue
        if mark in _CLOSE_SHAPE:
            # A closing shape ends the pending quotation wherever it stands ("engaged, ”Mackenzie said").
            finish(match.start(), match.end())
            open_mark = None
        elif mark in _EITHER:
            pending = text[open_mark[1] : match.start()].rstrip()
            if opens and not closes and not (pending and pending[-1] in ".,!?;:"):
                # An opener in a clear opening position while one is pending: the first was never closed.
                finish(match.start(), None)
                open_mark = (match.start(), match.end())
            else:
                finish(match.start(), match.end())
                open_mark = None
        elif closes:
            # an opening shape used as a closer ("... end.“ He said)
            finish(match.start(), match.end())
            open_mark = None
        else:
            finish(match.start(), None)
            open_mark = (match.start(), match.end())
    if open_mark is not None:
        # Unclosed: the quotation runs to the end of its paragraph; a mark with nothing after it opens nothing.
        finish(end, None)
    return out


def _single_in_range(text: str, start: int, end: int, index: int) -> list[Marked]:
    """Single-marked quotations in text[start:end] (a paragraph part outside or inside double quotes)."""
    out: list[Marked] = []
    marks = list(_SINGLE.finditer(text, start, end))
    i = 0
    while i < len(marks):
        m = marks[i]
        prev, nxt = _before(text, m.start(), start), _after(text, m.end(), end)
        is_open = m.group() in "\u2018'" and _opening_context(prev, nxt) and not (
            m.group() == "'" and _ELISION.match(text, m.start())
        )
        if not is_open or nxt is None or not (nxt.isalnum() or nxt in "\u201c\"("):
            i += 1
            continue
        closer = None
        for j in range(i + 1, len(marks)):
            c = marks[j]
            if c.start() - m.end() > MAX_SINGLE:
                break
            if m.group() == "'" and c.group() != "'":
                continue
            cprev, cnxt = _before(text, c.start(), start), _after(text, c.end(), end)
            # A closer is followed by no letter, so "didn’t" and "Iran’s" never close a quotation.
            if c.group() in "\u2019'" and _closing_context(cprev, cnxt) and not (cnxt and cnxt.isalnum()):
                closer = j
                break
        if closer is None:
            i += 1
            continue
        c = marks[closer]
        s, e = _strip(text, m.end(), c.start())
        if _CONTENT.search(text, s, e):
            out.append(Marked(s, e, m.start(), c.end(), index, single=True))
        i = closer + 1
    return out


def find_marked(text: str) -> list[Marked]:
    """All top-level quotations in `text`, in text order, with continued paragraphs grouped."""
    found: list[Marked] = []
    paras = paragraphs(text)
    for index, (start, end) in enumerate(paras):
        doubles = _double_in_paragraph(text, start, end, index)
        found.extend(doubles)
        # single marks only where no double quotation is (inside one they are nested quotations)
        cursor = start
        for d in doubles:
            found.extend(_single_in_range(text, cursor, d.open_start, index))
            cursor = d.close_end if d.close_end is not None else end
        found.extend(_single_in_range(text, cursor, end, index))
    found.sort(key=lambda q: q.start)
    _group_continuations(text, found, paras)
    return found


def _group_continuations(text: str, found: list[Marked], paras: list[tuple[int, int]]) -> None:
    """A paragraph whose last quotation is unclosed continues into the next paragraph when that
    one opens with a quotation mark (the newswire convention for multi-paragraph quotes)."""
    by_para: dict[int, list[Marked]] = {}
    for q in found:
        if not q.single:
            by_para.setdefault(q.paragraph, []).append(q)
    next_group = 0
    for index in sorted(by_para):
        last = by_para[index][-1]
        following = by_para.get(index + 1)
        if last.close_end is not None or not following:
            continue
        first = following[0]
        lead = text[paras[index + 1][0] : first.open_start]
        if lead.strip():
            continue
        if last.group is None:
            last.group = next_group
            next_group += 1
        first.group = last.group
