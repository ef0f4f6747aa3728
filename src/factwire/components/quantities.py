"""factwire_quantities: PLACEHOLDER, to be replaced by the real component."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("factwire_quantities", assigns=["doc._.fw_quantities"])
def make_quantities(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.fw_quantities = []
        return doc

    return component
