-- The rows of the drug_file overlay: one with a typo in a key.
return {
  { "haloperidol", "N05AD01", "antipsychotic",
    brand = { "Haldol" }, src = "test only" },
}
