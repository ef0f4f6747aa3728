"""factwire eval: scoring against gold sets."""
