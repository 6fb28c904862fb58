"""Exchange between coders and tools, as workflow services: codebooks in and out (`codebook`), merging two
coders' codebooks (`merge` proposes, `merge_decisions` is the decisions file the researchers edit,
`merge_apply` carries the decisions out) and REFI-QDA (`refi` gathers the project for export, `refi_import`
writes a file into the store with `refi_codebook`, `refi_notes`, `refi_quotes`, `refi_versions` and
`refi_identity`). Called by the CLI (`sdi codebook`, `sdi merge`, `sdi refi`), the TUI and `sdi.publish`."""
