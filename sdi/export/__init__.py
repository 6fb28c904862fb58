"""Writing files from plain data: codebooks, Word documents, CSV, REFI-QDA. Never touches the store."""
