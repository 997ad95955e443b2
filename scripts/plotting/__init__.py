"""scripts/plot's parts: the two CSVs read and checked, units, the themes, and one module per
chart. Nothing here reads a column that results/README.md does not document."""
