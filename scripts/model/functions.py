"""Loaded by `spacy train --code scripts/model/functions.py`: registers sdi's embedding layer
(`sdi.nlp.model_layers`) so the training config can name it."""

from sdi.nlp.model_layers import register

register()
