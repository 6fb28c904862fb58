"""Widgets of the workbench: the transcript reader, the code side panel, the step bar and the status line."""
