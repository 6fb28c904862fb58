"""Modal dialogs: each returns its answer through `dismiss()`; none of them writes to the store."""
