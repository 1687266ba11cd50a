"""The product's behaviour: commands, query parsing, transport-neutral replies, digest,
follows and configuration. No chat SDK is imported here; adapters translate."""
