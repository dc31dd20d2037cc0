"""Demo content, loaded through the same services as real use (`flask seed-demo`)."""
