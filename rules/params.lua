-- params.lua - every value a source leaves open, gathered from the files in
-- params/ (one per area of the ruleset, so each sits next to the rules that
-- read it). Each entry is { value, unit, doc, source }; "§n" is a section of
-- ../shared/clinical-reference.md and [S#] a source listed there.
--
-- Rules read these through lib/params.lua (P.number, P.list, ...), never as
-- literals. Override one for a run with --param NAME=VALUE. A name declared
-- in two files is an error, so no area silently overrides another.

local AREAS = {
  "params.core",          -- IEC 2011, exposure, drugs, baseline, temperature, CK
  "params.criteria",      -- DSM-IV-TR, Levenson 1985, Pope 1986, Caroff & Mann
  "params.severity",      -- severity tiers and actions
  "params.risk",          -- risk factors
  "params.differential",  -- differential diagnoses
}

local all = {}
for _, module in ipairs(AREAS) do
  for name, entry in pairs(require(module)) do
    if all[name] then
      error(("parameter '%s' is declared twice (second time in %s)"):format(name, module))
    end
    all[name] = entry
  end
end
return all
