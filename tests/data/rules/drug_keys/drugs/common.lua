-- An overlay of the default ruleset (tests/authoring/run.sh, check-drug-keys):
-- a co-medication list whose one row writes a brand of drugs/dopamine.lua
-- with a registered-trademark sign. lib/drugs.lua keys "Haldol" as a plain
-- word and "Haldol®" by segmenting it; both must give "haldol", so the
-- load stops on the duplicate.
return {
  { "zzdrug", "Z99ZZ01", "other", src = "test only", brands = { "Haldol\u{00AE}" } },
}
