"""News in, quotes out: ingest, clean, extract, speakers, store, search.

No chat concepts live here; ``bot`` builds the product on top of this package.
"""
