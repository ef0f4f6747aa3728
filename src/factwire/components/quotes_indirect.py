"""Indirect speech for factwire_quotes: a reporting verb and the clause it reports (parse required).

The content is the clausal complement with its complementizer ("that the talks have ended"),
as PolNeAR marks it; "X, he said, would ..." (parataxis) and "according to X" report the clause
they hang on. A report nested in another one by its own subject ("officials say they believe
Iran was behind ...") is one attribution; a subjectless one ("..., adding that ...") is a second
attribution by the same speaker.

PolNeAR also counts attributions that are not speech, and so does this module: stances and
intentions with an object or infinitive ("denied any involvement", "hopes to win Ohio"), views
("experts see the vote as a test"), a possessor's stance ("Clinton's criticism of the plan"), and
judgements with no holder named ("X seems to be shrinking", "X is expected to run"). An author's
aside after a comma (an apposition, a "though ..." clause) is cut from the reported content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from spacy.tokens import Doc, Token

from .quotes_cues import SUBJECT_DEPS, Lexicon, cue_end, prepositional_cue, speaker_of_prepositional, speaker_of_verb, verb_cue
from .quotes_light import light_verb_report, naming_call
from .quotes_states import as_reported, gerund_clause, held_state, paragraph_of, states_a_finding

TRIM = set(",;:.!?\u2014\u2013-\"\u201c\u201d'()")
MIN_CONTENT_WORDS = 2
OBJECT_PREDICATE_PREPS = {"of", "for", "as"}
ADDRESSEE_PREPS = {"to", "with"}  # "spoke to the mayors", "talked with reporters": the listener, not the content
LEFT_PIECE_WORDS = 2
TAIL_BREAKS = {",", "\u2014", "\u2013", "--", "-", ";"}
# first words of an author's aside trailing a reported clause
TAIL_MARKERS = {"despite", "though", "although", "whereas", "while", "whom", "notwithstanding"}


@dataclass
class Reported:
    cue: tuple[int, int]
    content: tuple[int, int]  # token range
    speaker: Token | None
    verb: Token
    rest: tuple[int, int] | None = None  # the content's second piece, after an interrupting cue


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


def _contentful(doc: Doc, start: int, end: int) -> bool:
    # "And yet", "But," before a cue in mid-sentence are the author's connectives, not content
    return any(t.pos_ in ("NOUN", "PROPN", "PRON", "VERB", "AUX", "NUM") for t in doc[start:end])


def _pieces(doc: Doc, outer: tuple[int, int], inner: tuple[int, int]) -> list[tuple[int, int]]:
    """`outer` without `inner`: an interrupting cue ("X, officials said, could ...") splits the
    content in two, as PolNeAR marks it; a left piece holding only connectives is dropped."""
    if not (outer[0] < inner[0] and inner[1] < outer[1]):
        return [_minus(outer, inner)]
    left, right = _trim(doc, outer[0], inner[0]), _trim(doc, inner[1], outer[1])
    return [p for p in (left, right) if p[1] > p[0] and (p is right or _whole_piece(doc, *p))]


def _whole_piece(doc: Doc, start: int, end: int) -> bool:
    """A left piece that says something by itself: not only connectives ("And yet, he said, ..."),
    and not a bare two-word subject ("The key, he said, would be ..."), which as its own quote
    record tells a reader nothing; the right piece carries the report."""
    return _contentful(doc, start, end) and end - start > LEFT_PIECE_WORDS


def _object_content(verb: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The content of an object cue: its infinitive with the addressee ("urged them to leave"),
    else its object ("denied any involvement"), else a for/on phrase ("called for a ceasefire")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # "X was blamed for Y": the reported content is not the verb's object
    rights = list(verb.rights)
    if lex.lemma(verb) in lex.needs_predicate and not states_a_finding(verb):
        return None
    if lex.lemma(verb) in lex.needs_infinitive and not any(c.dep_ in ("xcomp", "ccomp") for c in rights):
        return None  # "tell the truth", "tell the federal government": no message without a clause
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
            # "accused him of an “artful smear”", "praised her for ...": the charge or the reason too
            elif c.dep_ == "prep" and c.i == end and c.lower_ in OBJECT_PREDICATE_PREPS:
                end = c.right_edge.i + 1
        return dobj.left_edge.i, end
    predicates = [c for c in rights if c.dep_ == "oprd"]
    if predicates:
        # "called Trump a “pathological liar”" parsed with both nouns as predicates (no object):
        # the two together are the content, as with an object and its predicate
        return predicates[0].left_edge.i, predicates[-1].right_edge.i + 1
    preps = lex.object_preps - ADDRESSEE_PREPS if lex.lemma(verb) in lex.addressed else lex.object_preps
    prep = next((c for c in rights if c.dep_ == "prep" and c.lower_ in preps), None)
    if prep is not None and prep.i == verb.i + 1:
        return prep.i + 1, prep.right_edge.i + 1
    return None


def _candidates(doc: Doc, lex: Lexicon, inside_quote: Callable[[int], bool]) -> Iterator[Reported]:
    for token in doc:
        if inside_quote(token.idx) or naming_call(token, lex):
            continue
        if prepositional_cue(doc, token.i, lex) is not None and token.head is not token:
            end = prepositional_cue(doc, token.i, lex)
            assert end is not None
            phrase = _subtree(token)
            clause = _subtree(token.head) if token.head.pos_ in ("VERB", "AUX") else (token.sent.start, token.sent.end)
            sent = token.sent
            if phrase[0] <= sent.start + 1 or phrase[1] >= sent.end - 1 or _edge(doc, phrase, sent.end):
                # "X, and Y, according to Z." / "According to Z, X.": the phrase at a sentence edge
                # vouches for the whole sentence, not just the clause the parser hung it on
                clause = (sent.start, sent.end)
            parts = _pieces(doc, _trim(doc, *clause), (min(phrase[0], token.i), max(phrase[1], end)))
            yield _reported((token.i, end), parts, speaker_of_prepositional(doc, token.i, end), token)
            continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in lex.nouns | lex.stance_nouns:
            clause = _that_clause(token)
            if clause is not None:
                yield Reported((token.i, token.i + 1), _subtree(clause), _noun_speaker(token), token)
                continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in lex.stance_nouns:
            # "his attacks on billionaire financiers", "Clinton's support for the deal": a held
            # stance, its object the content, only with a possessor to hold it
            holder = next((c for c in token.children if c.dep_ == "poss"), None)
            prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ in lex.stance_preps), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if holder is not None and obj is not None:
                yield Reported((token.i, token.i + 1), _subtree(obj), holder, token)
            continue
        if as_reported(token, lex):
            # "As The Hill reported, Trump was also accused of ...": like "according to", the
            # clause the "as" clause hangs on is the report
            phrase = _subtree(token)
            sent = token.sent
            clause = _subtree(token.head)
            if phrase[0] <= sent.start + 1 or _edge(doc, phrase, sent.end):
                clause = (sent.start, sent.end)
            parts = _pieces(doc, _trim(doc, *clause), phrase)
            yield _reported((token.i, cue_end(token, lex)), parts, speaker_of_verb(token), token)
            continue
        held = held_state(token, lex)
        if held is not None:
            yield Reported((token.i, token.i + 1), held[0], held[1], token)
            continue
        light = light_verb_report(token, lex)
        if light is not None:
            # "voiced concerns about X": the stance's object, not the whole noun phrase
            yield Reported(light[0], light[1], light[2], token)
            continue
        raised = _raised(token, lex)
        if raised is not None:
            yield Reported((token.i, cue_end(token, lex)), raised[0], None, token, raised[1])
            continue
        if verb_cue(token, lex, "as"):
            content = _as_content(token)
            if content is not None:
                yield Reported((token.i, cue_end(token, lex)), content, speaker_of_verb(token), token)
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
                content = (_lost_subject(token, side[0], content[0]), content[1])
                yield Reported(cue, content, speaker_of_verb(token), token)
        gerund = gerund_clause(token)
        if gerund is not None:
            yield Reported(cue, _subtree(gerund), speaker_of_verb(token), token)
        if token.dep_ == "parataxis" and token.head is not token and any(c.dep_ in SUBJECT_DEPS for c in token.children):
            # "The key, he said, would be ...": the verb comments on the clause it hangs on
            parts = _pieces(doc, _trim(doc, *_subtree(token.head)), _subtree(token))
            yield _reported(cue, parts, speaker_of_verb(token), token)


def _lost_subject(verb: Token, clause: Token, start: int) -> int:
    """ "seemed to think the outreach to black voters was somewhat phony": the parser takes the
    clause's subject for the verb's object and leaves the clause subjectless; the object then
    starts the content."""
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in clause.children) or clause.tag_ in ("VBG", "VB", "VBN"):
        return start
    dobj = next((c for c in verb.rights if c.dep_ == "dobj" and c.i < clause.i), None)
    return dobj.left_edge.i if dobj is not None and dobj.left_edge.i < start else start


def _cut_tail(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The content without the author's own appendix after a comma or dash: an apposition ("..., a
    plan the billionaire has since modified") or a concessive clause ("..., though she did not
    discuss their terms"), which PolNeAR leaves out. (A trailing participle, "..., pointing to ...",
    is kept: annotators mostly count it as the speaker's.)"""
    for k in range(start + 2, end):
        if doc[k - 1].text not in TAIL_BREAKS:
            continue
        root = next((t for t in doc[k:end] if t.left_edge.i == k and not (k <= t.head.i < end)), None)
        if root is None or root.right_edge.i + 1 < end:
            continue
        first = doc[k]
        if root.dep_ == "appos" or first.lower_ in TAIL_MARKERS:
            return start, k - 1
    return start, end


def _edge(doc: Doc, phrase: tuple[int, int], sent_end: int) -> bool:
    """Only punctuation follows the phrase up to the sentence end."""
    return all(t.is_punct or t.is_space for t in doc[phrase[1] : sent_end])


def _raised(verb: Token, lex: Lexicon) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """A judgement with no one named as its holder: "X seems to be shrinking", "X is expected to
    run", "X is said to be ill" (a raising verb, or a passive cue, with its subject and infinitive:
    two pieces, as PolNeAR marks them), or "it appears that ..." (the clause alone)."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if not (verb_cue(verb, lex, "raising") or (passive and (verb_cue(verb, lex, "complement") or verb_cue(verb, lex, "object")))):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    infinitive = next((c for c in verb.rights if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.lefts)), None)
    # "it seems to ..." has no content subject; "I seem to ..." is narration, like "I said"
    if subject is not None and infinitive is not None and subject.lower_ not in ("it", "there", "i", "we", "you"):
        return _subtree(subject), _subtree(infinitive)
    clause = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    if clause is not None and not passive and verb_cue(verb, lex, "raising") and (subject is None or subject.lower_ == "it"):
        return _subtree(clause), None
    return None


def _as_content(verb: Token) -> tuple[int, int] | None:
    """ "sees the vote as a test": the object with its "as" predicate."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    if prep is None and obj is not None:
        prep = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    if obj is None or prep is None or prep.i < obj.i:
        return None
    return obj.left_edge.i, prep.right_edge.i + 1


def _reported(cue: tuple[int, int], parts: list[tuple[int, int]], speaker: Token | None, verb: Token) -> Reported:
    if not parts:
        return Reported(cue, (cue[0], cue[0]), speaker, verb)
    return Reported(cue, parts[0], speaker, verb, parts[1] if len(parts) > 1 else None)


def _that_clause(noun: Token) -> Token | None:
    """The content clause of a noun cue ("the claim that he opposed the war"), not a relative
    clause ("the claim that he made", where "that" is the clause's object)."""
    for child in noun.rights:
        if child.dep_ not in ("acl", "ccomp", "relcl"):
            continue
        first = child.left_edge
        if first.lower_ == "that" and first.dep_ == "mark" and any(c.dep_ in SUBJECT_DEPS for c in child.children):
            return child
    return None


def _noun_speaker(noun: Token) -> Token | None:
    """Who holds a noun cue: its possessor ("Trump's claim") or the object of "by"/"from"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "PRON") or (obj is not None and obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
                return obj
    return None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def indirect_quotes(
    doc: Doc, lex: Lexicon, inside_quote: Callable[[int], bool], direct: list[tuple[int, int]]
) -> list[tuple[int, int, tuple[int, int], Token | None]]:
    """(start_char, end_char, cue token range, speaker token) of each indirect quotation."""
    reports = []
    for r in _candidates(doc, lex, inside_quote):
        start, end = _trim(doc, *_cut_tail(doc, *_trim(doc, *paragraph_of(doc, r.cue[0], r.content))))
        if end - start < MIN_CONTENT_WORDS:
            continue
        chars = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        if inside_quote(chars[0]) or not all(_embeds(doc, chars, d) for d in direct if _overlaps(chars, d)):
            continue
        r.content = (start, end)
        if r.rest is not None:
            r.rest = _trim(doc, *paragraph_of(doc, r.cue[0], r.rest))
        reports.append(r)
    # outermost first, so a nested report sees its container
    reports.sort(key=lambda r: -(r.content[1] - r.content[0]))
    kept: list[Reported] = []
    for r in reports:
        outer = next((k for k in kept if k.content[0] <= r.cue[0] < k.content[1] and k.verb.i != r.verb.i), None)
        if outer is None:
            kept.append(r)
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in r.verb.children) or r.verb.dep_ not in ("advcl", "conj", "parataxis"):
            # "say they believe ...", "said it is unrealistic to think that ...": one attribution,
            # already covered by the outer one
            continue
        # "..., adding that ...": a second statement by the outer speaker, cut out of the outer content
        outer.content = _trim(doc, *_minus(outer.content, _subtree(r.verb)))
        r.speaker = r.speaker if r.verb.dep_ not in ("advcl", "conj") else outer.speaker
        kept.append(r)
    out = []
    for r in kept:
        for start, end in (r.content, r.rest or (0, 0)):
            if end <= start:
                continue
            chars = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
            if any(_overlaps(chars, d) and not _embeds(doc, chars, d) for d in direct):
                continue
            out.append((chars[0], chars[1], r.cue, r.speaker))
    return out


def _embeds(doc: Doc, chars: tuple[int, int], quoted: tuple[int, int]) -> bool:
    """Does a complement hold the quotation inside the author's own words ("said it is unrealistic
    to think that “our oceans are going to save us”")? Then the quotation is part of the indirect
    report, as PolNeAR marks it; a complement that is (part of) the quotation is that quotation."""
    if not (chars[0] < quoted[0] and quoted[1] <= chars[1] + 2):
        return False
    lead = doc.text[chars[0] : quoted[0]]
    return len(re.findall(r"[^\W_]+", lead)) >= 1
