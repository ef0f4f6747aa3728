"""factwire's exceptions, one tree.

FactwireError
├── InputError          an input cannot be read or parsed (names the input and what to do)
│   └── EncodingError   its bytes are in no encoding factwire can recognise
├── ModelError          the spaCy model package is missing or will not load
├── GoldError           a gold file for `factwire eval` is malformed
└── StoreError          the database cannot be opened or written

Every message says what went wrong with which input and what the user can do about it.
"""


class FactwireError(Exception):
    """Base of every error factwire raises on purpose."""


class InputError(FactwireError):
    """An input (file, line, stdin) cannot be read or parsed.

    `ident` is the id of the article it concerns, where known, so a batch can report it.
    """

    def __init__(self, message: str, ident: str | None = None):
        super().__init__(message)
        self.ident = ident


class EncodingError(InputError):
    """An input's bytes are in no encoding factwire recognises."""


class ModelError(FactwireError):
    """The spaCy model cannot be loaded."""


class GoldError(FactwireError):
    """A gold annotation file is malformed."""


class StoreError(FactwireError):
    """The store cannot be opened or written."""
