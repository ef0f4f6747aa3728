"""A speaker named only by role ("The U.S. commander in the Middle East said ..."), resolved to the
person the article names with that role (data/quote_roles.yaml), for factwire_quotes.

The actors component links names, pronouns and titled references; a bare role noun with "the" is
left to this module, which resolves it only when the article makes the holder plain:

1. a person whose mention carries the same noun ("Defense Secretary Jim Mattis" for "the
   secretary"), or that stands in apposition with it ("Jim Mattis, the defense secretary");
2. in a domain whose titles mark the role (military ranks), the only person the article names
   with one of those titles ("Navy Gen. Frank Mackenzie" for "the U.S. commander").

Otherwise the speaker stays unresolved (None): guessing among several holders is worse than null.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

from .. import docext

DATA = Path(__file__).resolve().parents[1] / "data" / "quote_roles.yaml"
TITLE_WINDOW = 3  # tokens before a person's mention in which a title or role noun counts
DEFINITE = {"the", "this", "that"}


@dataclass(frozen=True)
class Roles:
    domain_of: dict[str, str]  # role noun -> domain
    titles: dict[str, frozenset[str]]  # domain -> title words (lower case, dots kept)
    by_title: frozenset[str]  # domains where the only titled person holds the role


def load_roles(path: Path = DATA) -> Roles:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    domain_of: dict[str, str] = {}
    titles: dict[str, frozenset[str]] = {}
    by_title = set()
    for name, domain in (data.get("domains") or {}).items():
        for noun in domain.get("nouns") or ():
            domain_of.setdefault(noun, name)
        titles[name] = frozenset(w.lower() for t in domain.get("titles") or () for w in t.split())
        if domain.get("by_title"):
            by_title.add(name)
    return Roles(domain_of, titles, frozenset(by_title))


def _is_role_description(token: Token, roles: Roles) -> bool:
    """"the commander", "The U.S. commander in the Middle East": a definite common noun of a role."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in roles.domain_of:
        return False
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children)


def _context(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of a mention with the capitalised words right before it, where its title stands
    ("Navy Gen. | Frank Mackenzie"); a lower-case word ends the title ("Gen. Smith and | Jones")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    first = span.start
    while first > 0 and span.start - first < TITLE_WINDOW and doc[first - 1].text[:1].isupper():
        first -= 1
    return list(doc[first : span.end])


def _appositive(doc: Doc, mention_tokens: set[int], role: str) -> bool:
    for i in mention_tokens:
        t = doc[i]
        for c in t.children:  # "Jim Mattis, the defense secretary"
            if c.dep_ == "appos" and c.lemma_.lower() == role:
                return True
        if t.dep_ == "appos" and t.head.lemma_.lower() == role:  # "the secretary, Jim Mattis"
            return True
    return False


def role_holder(doc: Doc, token: Token, roles: Roles) -> str | None:
    """The actor id of the one person the article names with the role `token` describes, or None."""
    if not _is_role_description(token, roles):
        return None
    role = token.lemma_.lower()
    domain = roles.domain_of[role]
    persons = [a for a in docext.records(doc, "fw_actors") if a.kind == "person"]
    same: set[str] = set()
    titled: set[str] = set()
    for actor in persons:
        for m in actor.mentions:
            context = _context(doc, m.start, m.end)
            words = {t.lower_ for t in context}
            if role in words or _appositive(doc, {t.i for t in context}, role):
                same.add(actor.id)
            if words & roles.titles.get(domain, frozenset()):
                titled.add(actor.id)
    if len(same) == 1:
        return next(iter(same))
    if not same and domain in roles.by_title and len(titled) == 1:
        return next(iter(titled))
    return None
