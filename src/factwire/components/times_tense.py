"""The tense of the verb that governs a time expression, for factwire_times.

-1 past, +1 future, None when the clause does not say: "met Friday" is past, "will meet
Friday" and "is to meet Friday" are ahead, "had been due to expire Friday" is past, and an
infinitive after a decision or a directive ("decided to admit them in March") has no tense
of its own relative to the article's date.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

SCHEDULE_VERBS = {"schedule", "plan", "slate", "reschedule"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
FUTURE_HEADS = {"plan", "expect", "schedule", "due", "set", "intend", "aim", "hope"}
# "has decided to admit them in early March", "subpoenaed him to testify on Feb. 10": an
# infinitive after a commitment or a directive happens after it, so their past tense says
# nothing about whether the date is past
PROSPECTIVE_HEADS = {"decide", "agree", "promise", "pledge", "vow", "threaten",
                     "order", "ask", "urge", "invite", "summon", "subpoena", "instruct", "require", "authorize"}


def _past_perfect(word: Token) -> bool:
    """ "had been scheduled", "had been due": the word or the copula it hangs on takes "had"."""
    for tok in (word, word.head):
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
            return True
    return False


def tense_of(span: Span) -> int | None:
    """-1 past, +1 future, None unknown: the tense of the verb governing the expression."""
    doc = span.doc
    if not doc.has_annotation("DEP") and not doc.has_annotation("TAG"):
        return None
    token: Token | None = span.root
    for _ in range(8):
        if token is None:
            return None
        if token.pos_ in ("VERB", "AUX") and not (span.start <= token.i < span.end):
            if token.lemma_ in SCHEDULE_VERBS:
                return 1  # "has scheduled a news conference Thursday": what is scheduled lies ahead
            return _verb_tense(token)
        if token.pos_ == "ADJ" and not (span.start <= token.i < span.end):
            return None  # "payable Dec. 1": the clause's verb says nothing about the date
        if token.head.i == token.i:
            break
        token = token.head
    return _verb_tense(token) if token is not None and token.pos_ in ("VERB", "AUX") else None


def _verb_tense(verb: Token, depth: int = 0) -> int | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return 1
    if verb.lower_ in FUTURE_AUX:
        return 1
    if any(a.lower_ == "to" for a in auxes) and verb.head.i != verb.i and depth < 4:
        head = verb.head
        if head.lemma_ in FUTURE_HEADS or head.lower_ == "going":
            # "had been scheduled to expire Friday": a plan in the past perfect was overtaken
            return -1 if _past_perfect(head) else 1
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
            return 1  # "is to resume trading Tuesday": what is arranged lies ahead
        if head.lemma_ in PROSPECTIVE_HEADS:
            return None
        return _verb_tense(head, depth + 1) if head.pos_ in ("VERB", "AUX") else None
    modals = [a for a in auxes if a.tag_ == "MD"]
    if modals:
        # "must be returned by", "would be traveling": ahead of the reported time
        return -1 if any(a.lemma_ == "have" for a in auxes) else 1
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return -1
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return -1
    if verb.tag_ == "MD" and verb.lower_ in ("will", "shall", "'ll"):
        return 1
    return None
