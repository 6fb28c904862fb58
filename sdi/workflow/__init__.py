"""The SDI operations as services over the store: import a corpus, code, group, conceptualise, quote,
check. Faces (CLI, TUI, exports) call these and never touch SQL."""
