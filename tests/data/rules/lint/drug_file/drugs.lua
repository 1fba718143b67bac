-- A drug table whose rows live in modules of their own, as the shipped
-- ruleset's do (drugs/common.lua, drugs/dopamine.lua, ...): a key misspelt
-- in a row must be reported at the row, in its own file.
local rows = {}
for _, m in ipairs({ require("drugs.first"), require("drugs.rows") }) do
  for _, r in ipairs(m) do rows[#rows + 1] = r end
end
return {
  classes = { antipsychotic = { title = "antipsychotic", source = "test only" } },
  atc_groups = { { "N05AN", "lithium", source = "test only" } },
  drugs = rows,
}
