-- gen-parameters.lua - writes docs/parameters.md, the table of every
-- parameter of a ruleset, from its params/*.lua files (their doc, unit and
-- source), so the documentation cannot drift from the rules.
--
--   lua5.4 docs/gen-parameters.lua rules > docs/parameters.md
--
-- Needs the stand-alone Lua interpreter (Debian package lua5.4); the
-- program itself does not.
local dir = arg[1] or "rules"
package.path = dir .. "/?.lua;" .. package.path

local AREAS = {
  { "params.core", "IEC 2011, exposure, drugs, baseline, temperature, CK" },
  { "params.criteria", "DSM-IV-TR, Levenson 1985, Pope 1986, Caroff & Mann" },
  { "params.severity", "Severity tiers and actions" },
  { "params.risk", "Risk factors" },
  { "params.differential", "Differential diagnoses" },
}

local function show(v)
  if type(v) == "table" then
    local parts = {}
    for i, x in ipairs(v) do parts[i] = tostring(x) end
    return table.concat(parts, ", ")
  end
  return tostring(v)
end

local function cell(s)
  return (tostring(s or ""):gsub("|", "\\|"):gsub("\n", " "))
end

print("# Parameters of the default ruleset")
print()
print("Generated from `rules/params/*.lua` by `lua5.4 docs/gen-parameters.lua rules`;")
print("do not edit by hand. Every value a source leaves open is a parameter, with")
print("what it does and where it comes from. Override one for a run with")
print("`--param NAME=VALUE`; change it for good in its file. \"§n\" is a section of")
print("the project's clinical reference, [S#] a source listed there.")
for _, area in ipairs(AREAS) do
  local params = require(area[1])
  local names = {}
  for name in pairs(params) do names[#names + 1] = name end
  table.sort(names)
  print()
  print(("## %s (`rules/%s.lua`)"):format(area[2], area[1]:gsub("%.", "/")))
  print()
  print("| name | default | unit | what it does | source |")
  print("| --- | --- | --- | --- | --- |")
  for _, name in ipairs(names) do
    local p = params[name]
    print(("| `%s` | `%s` | %s | %s | %s |"):format(name, cell(show(p.value)), cell(p.unit),
      cell(p.doc), cell(p.source)))
  end
end
