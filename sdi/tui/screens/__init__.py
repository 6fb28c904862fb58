"""One screen per SDI step; each reads and writes only through `sdi.workflow`."""
