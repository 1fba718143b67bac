-- The first row module, read first: it holds no row, but this comment
-- writes the misspelt key of drugs/rows.lua, as a header may:
-- brand = { "Haldol" } is a typo of brands.
return {}
