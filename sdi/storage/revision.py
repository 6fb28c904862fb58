"""The schema revision this code expects. Kept as a constant so opening an up-to-date store needs no
Alembic import (start-up time); a test checks it against the migration scripts' head."""

HEAD_REVISION = "20261123_0004"
