-- A drug table with two typos in its row.
return {
  classes = { antipsychotic = { title = "antipsychotic", source = "test only" } },
  atc_groups = { { "N05AN", "lithium", source = "test only" } },
  drugs = {
    { "haloperidol", "N05AD01", "antipsychotic",
      brand = { "Haldol" }, potncy = "high", src = "test only" },
  },
}
