"""The schema revision this code expects. Kept as a constant so opening an up-to-date store needs no
Alembic import (start-up time); a test checks it against the migration scripts' head."""

HEAD_REVISION = "20261207_0005"

# Written in place of the revision while `sdi db copy` fills a target and until it is verified: a store with
# this mark is an unfinished or failed copy and is never opened for work.
COPY_MARK = "sdi-copy-unverified"
