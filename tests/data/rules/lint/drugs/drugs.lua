-- A drug table whose only class pattern is the ATC prefix N05A.
return {
  classes = { antipsychotic = { title = "antipsychotic", source = "test only" } },
  atc_groups = {
    { "N05A", "antipsychotic", source = "ATC N05A antipsychotics" },
  },
  drugs = {
    { "haloperidol", "N05AD01", "antipsychotic", src = "test only" },
  },
}
