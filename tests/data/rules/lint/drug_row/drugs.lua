-- A drug row with a misspelt class, over the drugs overlay (checked as
-- --rules tiny --rules lint/drugs --rules lint/drug_row): lib/drugs.lua
-- stops the load, and the error names this row, not lib/drugs.lua.
return {
  classes = { antipsychotic = { title = "antipsychotic", source = "test only" } },
  atc_groups = {
    { "N05AN", "other", source = "test only" },
  },
  drugs = {
    { "haloperidol", "N05AD01", "antipsychotik", src = "test only" },
  },
}
