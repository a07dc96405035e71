"""The knowledge base: registry, source files, segmentation into articles, ingest."""
