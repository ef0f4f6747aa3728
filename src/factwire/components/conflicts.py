"""factwire_conflicts: PLACEHOLDER, to be replaced by the real component."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("factwire_conflicts", assigns=["doc._.fw_conflicts"])
def make_conflicts(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.fw_conflicts = []
        return doc

    return component
