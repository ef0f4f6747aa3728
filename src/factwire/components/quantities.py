"""factwire_quantities: numbers with their bound, unit and concept ("more than 170,000 troops").

The numbers themselves are found on characters by `quantities_scan`; this module maps them onto
tokens to name what is counted (the noun after the number, or "the number of X ... is N"), adds
zero counts ("No U.S. personnel were killed"), and writes `doc._.fw_quantities` (ids q1.. in text
order) and the span group "fw_quantities" (kb_id_ = id). It reads "fw_times" so that numbers inside
dates and clock times are not counted; numbers inside durations ("three years"), dates reached by
counting units ("nine days later") and money the time tagger took for a year ("$2000") are kept,
as NewsQuant counts them. A bare number after a count of a noun in the same clause shares that
noun ("12 civilians killed and 30 wounded"), and a rate after the noun joins the unit ("tests per day").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import docext, schema
from .quantities_scan import Hit, Lexicon, per_unit, scan

NOUNISH = {"NOUN", "PROPN"}
# irregular plurals that end in no "s" but are the counted noun of a troop or casualty figure
_PLURALS = {"men", "women", "people", "personnel", "police", "children", "staff", "crew", "aircraft", "militia"}
# words between a number (or "of") and its noun that are not part of what is counted
_SKIP = {"the", "a", "an", "its", "their", "his", "her", "our", "these", "those", "-", "strong", "odd", "most", "more"}
_MAX_NP = 4  # tokens between a number and its counted noun ("2,500 U.S. combat troops")


@Language.factory(
    "factwire_quantities",
    requires=["doc.spans"],
    assigns=["doc._.fw_quantities", "doc.spans"],
)
def make_quantities(nlp: Language, name: str) -> "QuantityTagger":
    return QuantityTagger(Lexicon())


class QuantityTagger:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def __call__(self, doc: Doc) -> Doc:
        hits = scan(doc.text, self.lex, blocked=_time_blocks(doc, self.lex))
        taken = [(h.start, h.end) for h in hits]
        hits += [h for h in _zero_counts(doc, self.lex) if not any(s < h.end and h.start < e for s, e in taken)]
        hits.sort(key=lambda h: h.start)
        records: list[schema.Quantity] = []
        spans: list[Span] = []
        counted: tuple[Span, str, str | None] | None = None  # the last count of a noun: span, unit, concept
        for hit in hits:
            span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            if hit.kind == "zero":
                unit, concept = hit.unit, hit.concept
            else:
                unit, concept = _unit_and_concept(doc, span, hit, self.lex)
                if unit is None and counted is not None and _elliptical(doc, counted[0], span):
                    unit, concept = counted[1], counted[2]  # "12 civilians killed and 30 wounded"
            if hit.unit is None and unit is not None and hit.kind != "fraction":
                counted = (span, unit, concept)
            ident = f"q{len(records) + 1}"
            records.append(
                schema.Quantity(
                    id=ident,
                    start=hit.start,
                    end=hit.end,
                    text=doc.text[hit.start:hit.end],
                    value=hit.value,
                    bound=hit.bound,  # type: ignore[arg-type]
                    value_max=hit.value_max,
                    unit=unit,
                    concept=concept,
                )
            )
            span.kb_id_ = ident
            spans.append(span)
        doc._.fw_quantities = records
        doc.spans["fw_quantities"] = spans
        return doc


_ELLIPSIS_JOINERS = {"and", "but", "while", "whereas", "or", ",", ";", "with", "another", "including"}


def _elliptical(doc: Doc, before: Span, span: Span) -> bool:
    """A bare number that shares the noun of a count a few words back in the same clause chain:
    "12 civilians were killed and 30 wounded", "40 soldiers, 12 of them officers" is not (an "of")."""
    if span.start - before.end > 8:
        return False
    if (_has(doc, "SENT_START") or _has(doc, "DEP")) and before.sent.start != span.sent.start:
        return False
    between = doc[before.end:span.start]
    if not any(t.lower_ in _ELLIPSIS_JOINERS for t in between) or any(t.like_num for t in between):
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is None or nxt.is_punct:
        return True
    if nxt.lower_ in ("of", "per", "percent"):
        return False
    if _has(doc, "POS") or _has(doc, "TAG"):
        return nxt.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "ADV") and nxt.lower_ not in ("times",)
    return nxt.lower_.endswith("ed") or nxt.lower_ in ("and", "or", "were", "are", "in", "on", "at")


def _time_blocks(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    """Character ranges of dates, times and sets: their numbers are not quantities."""
    if "fw_times" not in doc.spans:
        return []
    types = {t.id: t.type for t in docext.records(doc, "fw_times")}
    return [
        (s.start_char, s.end_char)
        for s in doc.spans["fw_times"]
        if types.get(s.kb_id_) != "DURATION"
        and not _counts_time_units(s.text, lex)
        and not lex.currency_prefix_re.search(doc.text[max(0, s.start_char - 4):s.start_char])  # "$2000" is money
    ]


def _counts_time_units(text: str, lex: Lexicon) -> bool:
    """ "Nine days later", "two years ago": a date reached by counting units; NewsQuant counts the number."""
    m = re.match(r"(?:about\s+|some\s+|nearly\s+|almost\s+)?([\w,.-]+(?:\s+[\w-]+)??)\s+([a-z]+)\b", text, re.I)
    if not m or singular(m.group(2).lower()) not in lex.time_units:
        return False
    number = m.group(1)
    if number.lower() in ("a", "an"):
        return False  # "a year ago": no number to count
    return bool(re.fullmatch(r"\d[\d,.]*", number)) or lex.word_value(number) is not None


# ----- words ----------------------------------------------------------------------------------


def _has(doc: Doc, attr: str) -> bool:
    return doc.has_annotation(attr)


def lemma(token: Token) -> str:
    """The counted noun's dictionary form, lower-cased ("servicemen" -> "serviceman")."""
    if _has(token.doc, "LEMMA") and token.lemma_:
        return token.lemma_ if token.pos_ == "PROPN" else token.lemma_.lower()
    return singular(token.text.lower())


def singular(word: str) -> str:
    """A small English singulariser for Docs without a lemmatizer."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word in ("people", "personnel", "police", "staff", "aircraft"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _is_plural(token: Token) -> bool:
    if token.tag_:
        return token.tag_ in ("NNS", "NNPS")
    low = token.lower_
    return low in _PLURALS or (low.endswith("s") and not low.endswith(("ss", "us", "is")))


def _is_designation(token: Token) -> bool:
    # "MQ-9", "F-16s": taggers call these X or NUM, but they name what is counted
    text = token.text
    return any(c.isalpha() for c in text) and any(c.isdigit() for c in text)


def _nounish(token: Token) -> bool:
    if _has(token.doc, "POS") or _has(token.doc, "TAG"):
        return token.pos_ in NOUNISH or token.pos_ == "ADJ" or _is_designation(token)
    return any(c.isalpha() for c in token.text) and not token.is_stop and not token.like_num


def _noun_run(doc: Doc, i: int) -> tuple[int, Token] | None:
    """The noun phrase starting at token i ("U.S. combat troops"): (start index, head noun)."""
    tagged = _has(doc, "POS") or _has(doc, "TAG")
    while i < len(doc) and doc[i].lower_ in _SKIP:
        i += 1  # "-strong", "of the", "of its"
    start, head = i, None
    for j in range(i, min(len(doc), i + _MAX_NP)):
        tok = doc[j]
        participle = tagged and head is None and tok.tag_ in ("VBG", "VBN")  # "517 rushing yards"
        if not (_nounish(tok) or participle):
            break
        if tagged:
            if head is not None and (_is_plural(head) or (head.pos_ == "NOUN" and tok.pos_ == "PROPN")):
                break  # "30 people Tuesday": a plural noun or a following name ends the phrase
            if tok.pos_ in NOUNISH or (_is_designation(tok) and _is_plural(tok)):
                head = tok
        else:
            if tok.lower_.endswith("ed") and (head is not None or j + 1 >= len(doc) or not _nounish(doc[j + 1])):
                break  # untagged: "the town burned", "30 wounded" - a past-tense verb ends (or is no) phrase
            head = tok
            if _is_plural(tok):
                break
    return (start, head) if head is not None else None


def _np_text(doc: Doc, start: int, head: Token) -> str:
    return doc[start:head.i + 1].text


# ----- unit and concept -----------------------------------------------------------------------


def _unit_and_concept(doc: Doc, span: Span, hit: Hit, lex: Lexicon) -> tuple[str | None, str | None]:
    after = span.end
    # "hundreds of civilians", "one of the people", "60% of its revenue"
    of = after < len(doc) and doc[after].lower_ == "of"
    run = _noun_run(doc, after + 1 if of else after)
    if run is not None and (of or hit.kind not in ("fraction",)):
        start, head = run
        concept = _np_text(doc, start, head)
        if hit.unit is not None:
            return hit.unit, concept if of else _subject_concept(doc, span)
        unit = _unit_of(doc, head, lex)
        rate = per_unit(doc.text, head.idx + len(head.text), lex)
        return (f"{unit} per {rate}" if rate else unit), concept  # "52,000 barrels per day"
    if hit.unit is not None:
        return hit.unit, _subject_concept(doc, span)
    looked = _number_of_lookback(doc, span, lex)
    if looked is not None:
        return looked
    return None, _subject_concept(doc, span)


def _unit_of(doc: Doc, head: Token, lex: Lexicon) -> str:
    """The counted noun: the head's lemma, or a listed compound ("service members" -> "service member")."""
    unit = lemma(head)
    if head.i > 0:
        pair = f"{doc[head.i - 1].lower_} {unit}"
        if pair in lex.compound_units:
            return pair
    return unit


def _sentence_start(doc: Doc, span: Span) -> int:
    if _has(doc, "SENT_START") or _has(doc, "DEP"):
        return span.sent.start
    i = span.start - 1
    while i > 0 and doc[i].text not in (".", "!", "?", "\n"):
        i -= 1
    return max(i, 0)


def _number_of_lookback(doc: Doc, span: Span, lex: Lexicon) -> tuple[str, str] | None:
    """ "The number of U.S. troops in Syria is close to 900": the unit is the noun after "number of"."""
    first = _sentence_start(doc, span)
    for i in range(span.start - 2, first - 1, -1):
        tok = doc[i]
        if tok.lower_ in lex.count_quantifiers and i + 1 < span.start and doc[i + 1].lower_ == "of":
            run = _noun_run(doc, i + 2)
            if run is None:
                return None
            start, head = run
            between = doc[head.i + 1:span.start]
            if any(t.lower_ in lex.copulas or (t.lemma_ and t.lemma_.lower() in lex.copulas) for t in between):
                return _unit_of(doc, head, lex), _np_text(doc, start, head)
            return None
    return None


def _np(doc: Doc, head: Token, floor: int = 0) -> str:
    """The head noun with its compounds and modifiers, starting no earlier than `floor`."""
    mods = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
    start = max(min([m.left_edge.i for m in mods], default=head.i), floor)
    return doc[start:head.i + 1].text


def _subject_concept(doc: Doc, span: Span) -> str | None:
    """What a bare figure is about, from the parse: the noun a measure modifies ("a 40 yard line"),
    the subject of the clause ("presence ... reaching 80,000"), else the object of its verb
    ("boost the driving range by 35 miles")."""
    if not _has(doc, "DEP"):
        return None
    tok: Token = span.root
    if tok.dep_ in ("compound", "nummod", "amod") and tok.head.pos_ == "NOUN" and tok.head.i >= span.end:
        return _np(doc, tok.head, span.end)  # "the 40 yard line", "a 5.2 litre V10 engine"
    objects: list[Token] = []
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and subjects[0].pos_ in NOUNISH:
                return _np(doc, subjects[0])
            objects += [c for c in tok.children if c.dep_ == "dobj" and c.pos_ in NOUNISH and not c.i in range(span.start, span.end)]
        if tok.head is tok:
            break
        tok = tok.head
    return _np(doc, objects[0]) if objects else None


# ----- zero counts ----------------------------------------------------------------------------


def _zero_counts(doc: Doc, lex: Lexicon) -> list[Hit]:
    """ "No U.S. personnel were killed": a count of 0 of the noun, when a casualty-type verb follows."""
    found: list[Hit] = []
    tagged = _has(doc, "POS") or _has(doc, "TAG")
    for tok in doc:
        if tok.lower_ != "no" or (tagged and tok.pos_ != "DET"):
            continue
        run = _noun_run(doc, tok.i + 1)
        if run is None:
            continue
        start, head = run
        if not _is_plural(head) and head.lower_ not in _PLURALS:
            continue
        window = doc[head.i + 1:head.i + 5]
        if not any(t.lower_ in lex.zero_verbs or (t.lemma_ and t.lemma_.lower() in lex.zero_verbs) for t in window):
            continue
        end = head.idx + len(head.text)
        found.append(Hit(tok.idx, end, 0.0, "exact", None, _unit_of(doc, head, lex), "zero", tok.idx, end,
                         concept=_np_text(doc, start, head)))
    return found
