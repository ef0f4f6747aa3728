"""Pronouns and descriptions that refer to bodies and groups, and appositive titles of people:
"Syria says [it] will withdraw [its] troops", "[It] was founded by ...", "Gen. Joseph Votel,
[commander of U.S. Central Command], said". Split from actors_refs.py (which calls these).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .actors_lexicon import Lexicon
from .actors_mentions import Cand

SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass"])

ROLE_HEADS = frozenset(
    "commander spokesperson spokesman spokeswoman minister secretary director chief head leader officer "
    "official ambassador envoy adviser advisor representative president chairman general admiral coordinator".split()
)


def appositive_titles(doc: Doc, cands: list[Cand], ids: dict[str, str], lex: Lexicon, taken: set[int]) -> list[Span]:
    """'Gen. Joseph Votel, [commander of U.S. Central Command], said', '[Minister for the Middle
    East], Tobias Ellwood, said': a role noun phrase in apposition to a named person is another
    mention of that person."""
    if not doc.has_annotation("DEP"):
        return []
    heads = ROLE_HEADS | {r.split()[-1] for refs in lex.titles.values() for r in refs}
    out = []
    for cand in cands:
        if cand.kind != "person" or cand.key not in ids:
            continue
        name_start = cand.title_start if cand.title_start is not None else cand.start
        root = doc[cand.start:cand.end].root
        phrases = [c for c in root.children if c.dep_ == "appos" and c.i >= cand.end]
        if root.dep_ == "appos" and root.head.i < name_start:
            phrases.append(root.head)
        for head in phrases:
            if head.lower_ not in heads or head.pos_ not in ("NOUN", "PROPN"):
                continue
            toks = [head.i] + [
                t.i for c in head.children if c.dep_ not in ("appos", "relcl", "acl", "punct", "cc", "conj")
                for t in c.subtree if not (name_start <= t.i < cand.end)
            ]
            if not toks:
                continue
            start, end = min(toks), max(toks) + 1
            # the phrase must be contiguous and free of other mentions of people
            if end - start != len(toks) and any(doc[i].is_punct and doc[i].text not in ("-", "–", ".") for i in range(start, end)):
                continue
            if any(i in taken for i in range(start, end)) or (start < cand.end and name_start < end):
                continue
            out.append(Span(doc, start, end, label="person", kb_id=ids[cand.key]))
            taken.update(range(start, end))
    return out


GROUP_PRONOUNS = frozenset(["it", "they", "its", "their"])


def reported_subject_refs(doc: Doc, cands: list[Cand], ids: dict[str, str], taken: set[int]) -> list[Span]:
    """'Syria says it is willing to withdraw', 'Palestinian leaders said they would boycott': the
    subject pronoun of a clause reported by (complement of) a verb refers to that verb's subject
    when the subject is a state, a body or a group (a person would be 'he' or 'she')."""
    if not doc.has_annotation("DEP"):
        return []
    at = {i: c for c in cands for i in range(c.start, c.end)}
    out = []
    for tok in doc:
        if tok.lower_ not in GROUP_PRONOUNS or tok.i in taken or tok.i in at:
            continue
        # the pronoun is the clause's subject ("it will"), or owns it ("their forces had completed")
        arg = tok.head if tok.dep_ == "poss" and tok.lower_ in ("its", "their") else tok
        if arg.dep_ not in SUBJECT_DEPS or (arg is tok and tok.lower_ in ("its", "their")):
            continue
        clause = arg.head
        if clause.dep_ != "ccomp" or clause.head is clause:
            continue
        subj = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS), None)
        cand = _group_antecedent(subj, at) if subj is not None else None
        if cand is None or cand.kind == "person" or cand.key not in ids:
            continue
        plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
        if (tok.lower_ in ("it", "its")) == plural and cand.kind not in ("state", "government"):
            continue  # "it" for one body, "they" for a group ("the U.S. ... it"; "Serbs ... they")
        out.append(Span(doc, tok.i, tok.i + 1, label=cand.kind, kb_id=ids[cand.key]))
        taken.add(tok.i)
        # the same clause's other possessives agree with its subject: "it will withdraw its troops"
        same = ("its",) if tok.lower_ in ("it", "its") else ("their",)
        for t in clause.subtree:
            if t.lower_ in same and t.dep_ == "poss" and t.i not in taken:
                out.append(Span(doc, t.i, t.i + 1, label=cand.kind, kb_id=ids[cand.key]))
                taken.add(t.i)
    return out


def continued_subject_refs(doc: Doc, cands: list[Cand], ids: dict[str, str], taken: set[int]) -> list[Span]:
    """'The Syrian Computer Society is an organization in Syria. It was founded by ...', 'especially
    the Turks. They remain integral ...': a subject 'it'/'they' opening a sentence continues the
    previous sentence's subject (or its last body mentioned, for 'they' after a list's end) when
    that is a body of the right number; a person would be 'he' or 'she'."""
    if not doc.has_annotation("DEP"):
        return []
    at = {i: c for c in cands for i in range(c.start, c.end)}
    sents = list(doc.sents)
    out = []
    chained: dict[int, tuple[str, str]] = {}  # a resolved subject pronoun -> (kind, actor id)
    for n, sent in enumerate(sents[1:], start=1):
        tok = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if tok is None or tok.lower_ not in ("it", "they") or tok.dep_ not in SUBJECT_DEPS or tok.i in taken:
            continue
        if tok.lower_ == "it" and _expletive(tok):
            continue
        prev = sents[n - 1]
        subj = next((t for t in prev if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT"), None)
        if subj is not None and subj.i in chained and subj.lower_ == tok.lower_:
            # a run of sentences about one body: "The Society is ... It was founded ... It acts as ..."
            kind, kb_id = chained[subj.i]
            out.append(Span(doc, tok.i, tok.i + 1, label=kind, kb_id=kb_id))
            chained[tok.i] = (kind, kb_id)
            continue
        cand = _group_antecedent(subj, at) if subj is not None else None
        if cand is None or cand.kind == "person" or cand.key not in ids:
            continue
        plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
        # a group's name takes either ("the Islamic State ... it", "the Taliban ... they")
        if (tok.lower_ == "it") == plural and cand.kind != "armed_group":
            continue
        out.append(Span(doc, tok.i, tok.i + 1, label=cand.kind, kb_id=ids[cand.key]))
        chained[tok.i] = (cand.kind, ids[cand.key])
    return out


def _expletive(tok: Token) -> bool:
    """'It is claimed that ...', 'It is important to ...': a dummy subject standing for the clause
    that follows (a passive or copular verb with a clausal complement), no body."""
    verb = tok.head
    passive_or_copula = verb.lemma_ == "be" or any(c.dep_ == "auxpass" for c in verb.children)
    return passive_or_copula and any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children)


def _group_antecedent(subj: Token, at: dict[int, Cand]) -> Cand | None:
    """The actor a subject names: itself ('Syria'), or its nationality ('Palestinian leaders')."""
    if subj.i in at:
        return at[subj.i]
    for child in subj.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in at:
            return at[child.i]
    return None
