"""factwire_claims: PLACEHOLDER, to be replaced by the real component."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("factwire_claims", assigns=["doc._.fw_claims"])
def make_claims(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.fw_claims = []
        return doc

    return component
