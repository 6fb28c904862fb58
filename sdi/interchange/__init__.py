"""The files sdi exchanges with other coders and tools, as plain data: our codebook format
(`sdi-codebook/1`, `codebook`) and REFI-QDA (`refi`). `sdi.ingest` reads files into these, `sdi.workflow`
gathers them from the store and `sdi.export` writes them, so reading, gathering and writing share one
definition without the writers depending on the readers. Dataclasses and pure functions only: stdlib, no
other room."""
