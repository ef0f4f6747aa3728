"""factwire_times: PLACEHOLDER, to be replaced by the real component."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("factwire_times", assigns=["doc._.fw_times"])
def make_times(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.fw_times = []
        return doc

    return component
