"""factwire_equipment: weapons and military platforms ("ballistic and cruise missiles", "MQ-9 Reaper").

Writes `doc._.fw_equipment` (one `Equipment` per distinct item, ids w1.. in order of first mention,
every mention as a Span) and the span group "fw_equipment" (one span per mention, kb_id_ = id).
The lexicon (data/equipment.yaml) is loaded once per component instance.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import docext, schema
from .equipment_lexicon import EquipmentLexicon, Item


@Language.factory("factwire_equipment", assigns=["doc._.fw_equipment", "doc.spans"])
def make_equipment(nlp: Language, name: str) -> "EquipmentTagger":
    return EquipmentTagger(EquipmentLexicon())


class EquipmentTagger:
    def __init__(self, lexicon: EquipmentLexicon):
        self.lex = lexicon

    def __call__(self, doc: Doc) -> Doc:
        order: list[Item] = []
        mentions: dict[Item, list[tuple[int, int]]] = {}
        for claim in self.lex.match(doc.text):
            for m in claim.mentions:
                if m.item not in mentions:
                    order.append(m.item)
                    mentions[m.item] = []
                mentions[m.item].append((m.start, m.end))
        records: list[schema.Equipment] = []
        spans: list[Span] = []
        for n, item in enumerate(order, start=1):
            ident = f"w{n}"
            records.append(
                schema.Equipment(
                    id=ident,
                    name=item.name,
                    kind=item.kind,  # type: ignore[arg-type]
                    category=item.category,
                    mentions=[docext.evidence(doc, s, e) for s, e in mentions[item]],
                )
            )
            for s, e in mentions[item]:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None:
                    span.kb_id_ = ident
                    spans.append(span)
        doc._.fw_equipment = records
        doc.spans["fw_equipment"] = sorted(spans, key=lambda sp: (sp.start, sp.end))
        return doc
