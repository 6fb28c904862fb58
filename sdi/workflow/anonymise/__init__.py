"""Anonymising the stored transcripts (`sdi anonymise`, the TUI review of names): `names` finds the names
left and applies the accepted pseudonyms, `review` is the review file the researcher edits, `store`
pseudonymises everything else the store holds that quotes transcript words."""
