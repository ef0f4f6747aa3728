"""factwire_equipment: PLACEHOLDER, to be replaced by the real component."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("factwire_equipment", assigns=["doc._.fw_equipment"])
def make_equipment(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.fw_equipment = []
        return doc

    return component
