"""factwire_quotes: who said what, as direct, partial and indirect quotations.

- direct: a sentence or clause set off by quotation marks ("“We will stay,” he said.");
- partial: a quoted fragment inside the author's own sentence (calling it an “urgent problem”);
- indirect: a reporting verb with a clausal complement (He said the militants wanted ...).

Marks are paired in text (quotes_marks.py), cues and speakers come from the parse
(quotes_cues.py, lexicon in data/speech_verbs.yaml), and the speaker's actor id from the actors
component through docext.actor_id_at; this component never resolves pronouns itself. A speaker
named only by role ("The U.S. commander said ...") is resolved by quotes_roles.py when the article
names that role's holder plainly, else left null.
quotes_found.py passes a speaker from one quotation to the next; quotes_indirect.py and
quotes_states.py find reported speech, beliefs, stances and findings outside quotation marks.
Writes doc._.fw_quotes: schema.Quote records "qt1".. in text order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import docext, schema
from .quotes_cues import (
    SENTENCE_END,
    Lexicon,
    adjacent_speaker,
    cue_end,
    has_parse,
    load_lexicon,
    prepositional_cue,
    speaker_of_prepositional,
    speaker_of_verb,
    speaker_span,
    verb_cue,
)
from .quotes_found import Attribution, Found, continue_turns, share_attributions
from .quotes_indirect import indirect_quotes
from .quotes_marks import Marked, find_marked, paragraphs
from .quotes_roles import Roles, load_roles, role_holder
from .quotes_turns import speaker_turns

# Characters that, ending the text before an opening mark, set the quotation off from the
# author's sentence (so it is direct rather than an embedded fragment).
SETS_OFF = set(".!?:;,([\u2014\u2013-\u201d\"\u00bb\u2019'")
MIN_UNATTRIBUTED_PARTIAL = 4  # shorter quoted fragments with no cue are scare quotes or titles
# A quoted term of fewer words inside the author's sentence ("called it “fraud”", "under “constant
# attack”") is never an attribution by itself in PolNeAR (whose annotation is univocal: a token
# belongs to at most one attribution): it is part of the content of the report around it ("called
# Trump a “pathological liar”", "said the cuts were “smart”") or a scare quote; kept only when a
# report absorbs it.
MIN_PARTIAL_WORDS = 4
TRAILING_WINDOW = 6  # words between a closing mark and its cue ("said the U.S. commander")
LEADING_WINDOW = 4  # words between a cue and an opening mark ("he told reporters:")
FIRST_PERSON = {"i", "we", "me", "us"}
# "”― Pamela Padilla": a dash, then a capitalised name ending its line or sentence
# (a newline may have become a space when the text was prepared for parsing, so the next
# quotation's opening mark also ends the name)
SIGNATURE = re.compile(
    r"[ \t\u00a0]*(\u2014|\u2015|\u2013|--)[ \t\u00a0]*((?:[A-Z][\w.'\u2019-]*)(?:[ \t]+[A-Z][\w.'\u2019-]*){0,4})"
    r"[.,]?[ \t\u00a0]*(?=\n|$|[\u201c\"])"
)
SIGNED_BEFORE = re.compile(r"(?:\u2014|\u2015|\u2013|--)[ \t]*[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,4}[.,]?[ \t\u00a0]*$")
NOT_SPEAKERS = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}
DIRECT_HOPS = 2
# words a title leaves in lower case ("The Nightly Show with Larry Wilmore")
MINOR_WORDS = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "vs"}
PARTIAL_HOPS = 5


class Zones:
    """Character ranges covered by quotations (marks included), for 'is this inside a quote?'."""

    def __init__(self, marked: list[Marked]):
        self.ranges = sorted((m.open_start, m.close_end if m.close_end is not None else m.end) for m in marked)
        self.starts = [r[0] for r in self.ranges]

    def inside(self, char: int) -> bool:
        k = bisect.bisect_right(self.starts, char) - 1
        return k >= 0 and char < self.ranges[k][1]


def _content_tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def _token_at_or_after(doc: Doc, char: int) -> int:
    # token offsets are sorted, so a binary search over the Doc itself finds the token
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < char:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _stops(token: Token, zones: Zones) -> bool:
    return zones.inside(token.idx) or "\n" in token.text or token.text in SENTENCE_END


def _attribute(doc: Doc, head: int, lex: Lexicon) -> Attribution:
    """Cue token `head` (a verb or the first word of "according to") with its speaker."""
    token = doc[head]
    prep_end = prepositional_cue(doc, head, lex)
    if prep_end is not None:
        return Attribution((head, prep_end), speaker_of_prepositional(doc, head, prep_end))
    stop = cue_end(token, lex)
    speaker = speaker_of_verb(token) if has_parse(doc) else adjacent_speaker(doc, head, stop)
    return Attribution((head, stop), speaker)


def _is_cue(doc: Doc, i: int, lex: Lexicon, role: str) -> bool:
    return prepositional_cue(doc, i, lex) is not None or verb_cue(doc[i], lex, role)


def _governing(doc: Doc, tokens: tuple[int, int], zones: Zones, lex: Lexicon, role: str, hops: int) -> int | None:
    """A cue above the quotation in the parse: climb from the quotation's tokens whose head lies outside it."""
    if not has_parse(doc):
        return None
    start, end = tokens
    for token in doc[start:end]:
        head = token.head
        if start <= head.i < end or head.i == token.i or token.is_punct:
            continue
        for _ in range(hops):
            if zones.inside(head.idx):
                break
            if head.lower_ == "according" or _is_cue(doc, head.i, lex, role):
                return head.i
            if head.head.i == head.i:
                break
            head = head.head
    return None


def _trailing(doc: Doc, after: int, zones: Zones, lex: Lexicon) -> int | None:
    words = 0
    for token in doc[after:]:
        if token.is_punct and token.text not in SENTENCE_END:
            continue
        if _stops(token, zones) or words >= TRAILING_WINDOW:
            return None
        if _is_cue(doc, token.i, lex, "adjacent"):
            return token.i
        words += 1
    return None


def _leading(doc: Doc, before: int, zones: Zones, lex: Lexicon, role: str, window: int) -> int | None:
    words = 0
    for i in range(before - 1, -1, -1):
        token = doc[i]
        if token.is_punct and token.text not in SENTENCE_END:
            continue
        if _stops(token, zones) or words >= window:
            return None
        if _is_cue(doc, i, lex, role):
            return i
        # the first word of "according to"
        if i > 0 and prepositional_cue(doc, i - 1, lex) is not None:
            return i - 1
        words += 1
    return None


def _signature(doc: Doc, close_end: int) -> Attribution | None:
    """A quotation signed with a dash and a name ("“...”― Pamela Padilla", "“...” — Sen. Warren"),
    as in reader comments and epigraphs: the dash is the cue, the name's last word the speaker."""
    m = SIGNATURE.match(doc.text, close_end)
    if m is None:
        return None
    dash = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    name = doc.char_span(m.start(2), m.start(2) + len(m.group(2).rstrip(".")), alignment_mode="expand")
    if dash is None or name is None:
        return None
    return Attribution((dash.start, dash.end), name[-1])


def _same_sentence(doc: Doc, m: Marked, head: int, zones: Zones) -> bool:
    """A cue belongs to a quotation only within its sentence: a quotation whose content ends
    with a full stop has ended its sentence ("“... now.” Officials said ..." is not theirs)."""
    token = doc[head]
    if token.idx >= m.end:
        if m.close_end is None or doc.text[m.start : m.end].rstrip().endswith("."):
            return False
        between = doc.char_span(m.close_end, token.idx, alignment_mode="expand")
    else:
        between = doc.char_span(token.idx + len(token), m.open_start, alignment_mode="expand")
    return between is None or not any(t.text in SENTENCE_END or "\n" in t.text or zones.inside(t.idx) for t in between)


def _kind(doc: Doc, m: Marked, para_start: int, lex: Lexicon) -> str:
    before = doc.text[para_start : m.open_start].rstrip()
    content = doc.text[m.start : m.end]
    if before and before[-1] in ",(" and content[:1].islower() and not content.rstrip().endswith((".", "!", "?", ",")):
        # "in areas of, “common ground”": a lower-case phrase that ends no sentence is a fragment
        # of the author's sentence even after a comma, not a quotation set off from it
        return "partial"
    if not before or before[-1] in SETS_OFF or SIGNED_BEFORE.search(before):
        return "direct"  # (after a signed quotation, "”― Pamela Padilla “Next ...", a new one starts)
    # "he said “We will stay.”": a cue right before a capitalised quotation sets it off too
    first = doc.text[m.start : m.start + 1]
    prev = _token_at_or_after(doc, m.open_start) - 1
    if first.isupper() and prev >= 0 and verb_cue(doc[prev], lex, "adjacent"):
        return "direct"
    return "partial"


def _marked_quotes(doc: Doc, lex: Lexicon) -> list[Found]:
    marked = find_marked(doc.text)
    zones = Zones(marked)
    para_starts = [p[0] for p in paragraphs(doc.text)]
    found: list[Found] = []
    for m in marked:
        tokens = _content_tokens(doc, m.start, m.end)
        if tokens is None:
            continue
        kind = _kind(doc, m, para_starts[m.paragraph], lex)
        open_tok = _token_at_or_after(doc, m.open_start)
        if kind == "direct":
            head = _governing(doc, tokens, zones, lex, "adjacent", DIRECT_HOPS)
            if head is not None and not _same_sentence(doc, m, head, zones):
                head = None
            if head is None and m.close_end is not None:
                head = _trailing(doc, _token_at_or_after(doc, m.close_end), zones, lex)
            if head is None:
                head = _leading(doc, open_tok, zones, lex, "adjacent", LEADING_WINDOW)
        else:
            head = _governing(doc, tokens, zones, lex, "governing", PARTIAL_HOPS)
            if head is None and not has_parse(doc):
                head = _leading(doc, open_tok, zones, lex, "governing", 3 * LEADING_WINDOW)
        if head is not None and not _same_sentence(doc, m, head, zones):
            head = None
        attribution = _attribute(doc, head, lex) if head is not None else None
        if attribution is None and kind == "direct" and m.close_end is not None:
            attribution = _signature(doc, m.close_end)
        if kind == "partial" and attribution is None and len(doc.text[m.start : m.end].split()) < MIN_UNATTRIBUTED_PARTIAL:
            continue
        found.append(Found(m.start, m.end, kind, attribution, m))
    # with no cue of its own, a short or title-cased quotation is a name, a title or a scare
    # quote ("Breaking Bad", "Low energy", a @handle), not someone's words: it borrows no speaker
    found = [f for f in found if f.attribution is not None or not _title_or_short(doc.text[f.start : f.end])]
    share_attributions(found)
    continue_turns(doc.text, found, paragraphs(doc.text))
    return found


def _lone_term(doc: Doc, f: Found) -> bool:
    """A short quoted fragment embedded in the author's sentence (see MIN_PARTIAL_WORDS)."""
    if f.kind != "partial" or f.marked is None:
        return False
    return len(re.findall(r"[^\W_][\w'\u2019-]*", doc.text[f.start : f.end])) < MIN_PARTIAL_WORDS


def _title_or_short(text: str) -> bool:
    words = re.findall(r"[^\W_][\w'\u2019-]*", text)
    if len(words) < MIN_UNATTRIBUTED_PARTIAL:
        # a short sentence ("So be it.") still speaks; a bare word or phrase ("Low energy") does not
        return not text.rstrip().endswith((".", "!", "?", ","))
    content = [w for w in words if w.lower() not in MINOR_WORDS]
    return all(w[0].isupper() or w[0].isdigit() for w in content)


def _record(doc: Doc, ident: str, f: Found, roles: Roles) -> schema.Quote:
    speaker_id: str | None = None
    speaker_text: str | None = None
    cue: schema.Span | None = None
    if f.attribution is not None:
        if f.attribution.cue is not None:
            c0, c1 = f.attribution.cue
            cue = docext.span_evidence(doc[c0:c1])
        token = f.attribution.speaker
        if token is not None and token.ent_type_ in NOT_SPEAKERS:
            token = None  # "12:15 p.m.: Trump says ...": a misparse made a time the subject
        if token is not None:
            speaker_id = docext.actor_id_at(doc, token)
            if speaker_id is None:
                speaker_id = role_holder(doc, token, roles)  # "The U.S. commander said ..."
            s0, s1 = speaker_span(token)
            speaker_text = doc[s0:s1].text or None
    return schema.Quote(
        id=ident,
        start=f.start,
        end=f.end,
        text=doc.text[f.start : f.end],
        kind=f.kind,  # type: ignore[arg-type]
        speaker=speaker_id,
        speaker_text=speaker_text,
        cue=cue,
    )


def _absorb(marked: list[Found], reported: list[Found], turns: bool = False) -> list[Found]:
    """A quotation inside an indirect report's content is part of that report ("said that Machado
    was “disgusting”"): one record, kind "partial", spanning the reported content. In a speaker's
    turn ("Trump: ‘I Fear The Same Thing’") only quotations with no cue of their own are."""
    kept = []
    for f in marked:
        host = next((r for r in reported if r.start <= f.start and f.end <= r.end + 2), None)
        if host is not None and turns and f.attribution is not None:
            host = None
        if host is None and turns:
            # a quoted transcript excerpt ("“WALLACE: Let's start ...”"): the quotation holds the label
            host = next((r for r in reported if f.start <= r.start < f.end), None)
        if host is None:
            kept.append(f)
            continue
        if turns:
            continue
        host.kind = "partial"
        # the record closes with the quotation's own closing mark, so its marks stay balanced
        host.end = max(host.end, f.marked.close_end if f.marked and f.marked.close_end else f.end)
        if host.attribution is not None and host.attribution.speaker is None and f.attribution is not None:
            host.attribution = replace(host.attribution, speaker=f.attribution.speaker)
    return kept + reported


def extract_quotes(doc: Doc, lex: Lexicon, roles: Roles | None = None) -> list[schema.Quote]:
    roles = roles if roles is not None else load_roles()
    found = _marked_quotes(doc, lex)
    zones = Zones([f.marked for f in found if f.marked is not None])
    turns = [Found(s, e, "direct", Attribution(cue, speaker), turn=True) for s, e, cue, speaker in speaker_turns(doc)]
    found = _absorb(found, turns, turns=True)
    if has_parse(doc):
        direct = [(f.start, f.end) for f in found if f.kind == "direct"]
        reported = [
            Found(s, e, "indirect", Attribution(cue, speaker))
            for s, e, cue, speaker in indirect_quotes(doc, lex, zones.inside, direct)
            # outside quotation marks, "I said ..." is the author's (or a transcript speaker's) own
            # narration, not a report of someone else's words
            if speaker is None or speaker.lower_ not in FIRST_PERSON
        ]
        # a verb that introduces a direct quotation reports that quotation, not a second clause
        # ("“...,” Mr. Obama said, not even needing to mention ...")
        quoting = {f.attribution.cue for f in found if f.kind == "direct" and f.attribution is not None}
        reported = [r for r in reported if r.attribution is None or r.attribution.cue not in quoting]
        found = _absorb(found, reported)
        found = [f for f in found if not _lone_term(doc, f)]
    for f in found:
        # the speaker is never one of the quoted words ("“That makes me smart,” ... asserting"):
        # a subject found inside a quotation is a misparse
        if f.attribution is not None and f.attribution.speaker is not None and not f.turn and zones.inside(f.attribution.speaker.idx):
            f.attribution = replace(f.attribution, speaker=None)
    found.sort(key=lambda f: (f.start, f.end))
    return [_record(doc, f"qt{n}", f, roles) for n, f in enumerate(found, start=1)]


@Language.factory(
    "factwire_quotes",
    requires=["token.dep", "token.lemma"],
    assigns=["doc._.fw_quotes"],
)
def make_quotes(nlp: Language, name: str):
    lex = load_lexicon()  # once per component instance
    roles = load_roles()

    def component(doc: Doc) -> Doc:
        doc._.fw_quotes = extract_quotes(doc, lex, roles)
        return doc

    return component
