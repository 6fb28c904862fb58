"""The command line: one module per noun, each thin — parse, call the workflow, print.

Importing this package must stay cheap (`sdi --help` imports neither SQLAlchemy, spaCy nor Textual)."""
