"""factwire_forces: PLACEHOLDER, to be replaced by the real component."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("factwire_forces", assigns=["doc._.fw_forces"])
def make_forces(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.fw_forces = []
        return doc

    return component
