"""Norwegian language help for ingest and workflow. Light parts (word counting) import nothing heavy;
spaCy is only ever loaded lazily by the pipeline module."""
