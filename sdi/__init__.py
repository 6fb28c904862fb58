"""sdi — a terminal workbench for Stegvis-Deduktiv-Induktiv (SDI) analysis of focus-group transcripts."""

__version__ = "0.1.0"
