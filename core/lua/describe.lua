-- describe.lua - the reference of a loaded ruleset, generated from the rule
-- files' own tables (`nmsrules doc`, `nmsrules params`). Run by
-- core/lua/tools.c in the ruleset's state with `ctx` (see lint.lua) and
-- ctx.format:
--   "md", "html"   the whole reference: sets with items, points, rules and
--                  citations, severity, risk factors, differentials,
--                  concordance features, parameters, the drug tables
--   "params-md"    the parameters alone, as docs/parameters.md
--   "params"       the parameters as text for a terminal, with the
--                  overrides in force
-- Returns the text. Only reads the tables; never calls a rule.

local ctx = ...
local S = ctx.source
local manifest = S.manifest

---------------------------------------------------------------------------
-- A document: a list of blocks, rendered as Markdown or HTML
---------------------------------------------------------------------------

local doc = {}
local function heading(level, text) doc[#doc + 1] = { "h", level, text } end
local function para(text) if text and text ~= "" then doc[#doc + 1] = { "p", text } end end
local function list(items) if #items > 0 then doc[#doc + 1] = { "ul", items } end end
local function grid(head, rows) if #rows > 0 then doc[#doc + 1] = { "table", head, rows } end end

local function show(v)
  if type(v) == "table" then
    local parts = {}
    for i, x in ipairs(v) do parts[i] = tostring(x) end
    return table.concat(parts, ", ")
  end
  if v == nil then return "" end
  return tostring(v)
end

local function md_cell(s)
  return (show(s):gsub("|", "\\|"):gsub("\n", " "))
end

local function render_md()
  local out = {}
  for _, b in ipairs(doc) do
    if b[1] == "h" then
      out[#out + 1] = ("#"):rep(b[2]) .. " " .. b[3]
    elseif b[1] == "p" then
      out[#out + 1] = b[2]
    elseif b[1] == "ul" then
      local lines = {}
      for i, item in ipairs(b[2]) do lines[i] = "- " .. item end
      out[#out + 1] = table.concat(lines, "\n")
    else
      local lines, sep = { "| " .. table.concat(b[2], " | ") .. " |" }, {}
      for i = 1, #b[2] do sep[i] = "---" end
      lines[2] = "| " .. table.concat(sep, " | ") .. " |"
      for _, row in ipairs(b[3]) do
        local cells = {}
        for i = 1, #b[2] do cells[i] = md_cell(row[i]) end
        lines[#lines + 1] = "| " .. table.concat(cells, " | ") .. " |"
      end
      out[#out + 1] = table.concat(lines, "\n")
    end
  end
  return table.concat(out, "\n\n") .. "\n"
end

local function html_text(s)
  s = show(s):gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;")
  -- the Markdown code spans the texts use
  return (s:gsub("`([^`]*)`", "<code>%1</code>"))
end

local function render_html(title)
  local out = { "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
    "<title>" .. html_text(title) .. "</title>",
    "<style>body{font-family:sans-serif;max-width:70em;margin:auto}"
      .. "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .4em;"
      .. "vertical-align:top;text-align:left}</style>",
    "</head>", "<body>" }
  for _, b in ipairs(doc) do
    if b[1] == "h" then
      out[#out + 1] = ("<h%d>%s</h%d>"):format(b[2], html_text(b[3]), b[2])
    elseif b[1] == "p" then
      out[#out + 1] = "<p>" .. html_text(b[2]) .. "</p>"
    elseif b[1] == "ul" then
      out[#out + 1] = "<ul>"
      for _, item in ipairs(b[2]) do out[#out + 1] = "<li>" .. html_text(item) .. "</li>" end
      out[#out + 1] = "</ul>"
    else
      out[#out + 1] = "<table>"
      local head = {}
      for i, h in ipairs(b[2]) do head[i] = "<th>" .. html_text(h) .. "</th>" end
      out[#out + 1] = "<tr>" .. table.concat(head) .. "</tr>"
      for _, row in ipairs(b[3]) do
        local cells = {}
        for i = 1, #b[2] do cells[i] = "<td>" .. html_text(row[i]) .. "</td>" end
        out[#out + 1] = "<tr>" .. table.concat(cells) .. "</tr>"
      end
      out[#out + 1] = "</table>"
    end
  end
  out[#out + 1] = "</body>"
  out[#out + 1] = "</html>"
  return table.concat(out, "\n") .. "\n"
end

---------------------------------------------------------------------------
-- Parameters
---------------------------------------------------------------------------

local function sorted_keys(t)
  local names = {}
  for k in pairs(t) do if type(k) == "string" then names[#names + 1] = k end end
  table.sort(names)
  return names
end

local params = type(manifest.params) == "string" and ctx.loaded[manifest.params] or {}
if type(params) ~= "table" then params = {} end

-- Parameters grouped by the file that declares them, in file order; each
-- group { path, about (the file's first comment), names }.
local function param_groups()
  local groups, by_file = {}, {}
  for _, name in ipairs(sorted_keys(params)) do
    local path = S.first(S.index.decl, name) or (ctx.dir .. "/" .. tostring(manifest.params))
    local g = by_file[path]
    if not g then
      local module = S.by_path[path]
      -- What the file is about: its first line, "-- name - about".
      local line1 = (module and S.files[module].lines[1] or ""):gsub("^%-%-%s*", "")
      local at = line1:find(" - ", 1, true)
      g = { path = path, names = {}, about = at and line1:sub(at + 3) or "" }
      by_file[path] = g
      groups[#groups + 1] = g
    end
    g.names[#g.names + 1] = name
  end
  table.sort(groups, function(a, b) return a.path < b.path end)
  return groups
end

local function rel(path)
  local dir = ctx.dir:gsub("/+$", "")
  local base = dir:match("([^/]+)$") or dir
  if path:sub(1, #dir + 1) == dir .. "/" then return base .. "/" .. path:sub(#dir + 2) end
  return path
end

local function params_section(level)
  for _, g in ipairs(param_groups()) do
    local about = g.about:gsub("[.:]$", ""):gsub("%s*%(see params%.lua%)$", "")
    heading(level, ("`%s`%s"):format(rel(g.path), about ~= "" and (": " .. about) or ""))
    local rows = {}
    for _, name in ipairs(g.names) do
      local p = params[name]
      if type(p) == "table" then
        local default = p.default
        if default == nil then default = p.value end
        rows[#rows + 1] = { "`" .. name .. "`", "`" .. show(default) .. "`", p.unit, p.doc, p.source }
      end
    end
    grid({ "name", "default", "unit", "what it does", "source" }, rows)
  end
end

-- `nmsrules params`: one entry per parameter, with the override in force.
local function params_text()
  local overridden = {}
  for _, o in ipairs(ctx.overrides) do
    local name = o:match("^([^=]*)=")
    if name then overridden[name] = true end
  end
  local out = { ("parameters of ruleset %s %s (%s); override one with --param NAME=VALUE"):format(
    ctx.name, ctx.version, ctx.dir) }
  for _, g in ipairs(param_groups()) do
    out[#out + 1] = ""
    out[#out + 1] = ("%s%s"):format(rel(g.path), g.about ~= "" and (" - " .. g.about) or "")
    for _, name in ipairs(g.names) do
      local p = params[name]
      if type(p) == "table" then
        local line = ("  %s = %s%s"):format(name, show(p.value),
          p.unit and p.unit ~= "" and (" (" .. show(p.unit) .. ")") or "")
        if overridden[name] then
          line = line .. ("   [--param in force; the ruleset says %s]"):format(show(p.default))
        end
        out[#out + 1] = line
        if p.doc then out[#out + 1] = "      " .. show(p.doc) end
        if p.source then out[#out + 1] = "      source: " .. show(p.source) end
      end
    end
  end
  return table.concat(out, "\n") .. "\n"
end

---------------------------------------------------------------------------
-- Sets
---------------------------------------------------------------------------

local function rule_text(set)
  local titles = {}
  for _, g in ipairs(set.groups or {}) do titles[g.id] = g.title or g.id end
  local lines = {}
  for i, alt in ipairs(set.rule or {}) do
    local needs = {}
    for _, g in ipairs(set.groups or {}) do
      local n = alt.need and alt.need[g.id]
      if n ~= nil then
        needs[#needs + 1] = (n == "all" and "all" or tostring(n)) .. " of " .. titles[g.id]
          .. " (`" .. g.id .. "`)"
      end
    end
    lines[#lines + 1] = ("%s: %s"):format(alt.level or ("rule " .. i), table.concat(needs, " and "))
  end
  return lines
end

local function set_section(entry, level)
  local set = entry.set
  heading(level, ("%s (`%s`)"):format(show(set.title), show(set.id)))
  local path, line = S.row_line(entry.module, tostring(set.id))
  para(("Version %s. Defined in `%s`%s."):format(show(set.version), rel(path),
    line and line > 0 and (" line " .. line) or ""))
  para("Source: " .. show(set.citation))
  local points = set.kind == "points"
  if points then
    local total = 0
    for _, item in ipairs(set.items or {}) do total = total + (tonumber(item.points) or 0) end
    para(("Met when the points of the items found true reach %s (of %s possible)."):format(
      show(set.threshold), show(total)))
  elseif set.kind == "groups" then
    para("The first of these that holds decides" ..
      (entry.field == "severity" and " the tier:" or ":"))
    list(rule_text(set))
  else
    para("A checklist: each item is reported as present, absent or unknown.")
  end
  local rows = {}
  for _, item in ipairs(set.items or {}) do
    rows[#rows + 1] = { "`" .. show(item.id) .. "`",
      points and show(item.points) or show(item.group), show(item.title),
      item.definition and show(item.definition) or "", show(item.needs),
      item.feature and ("`" .. item.feature .. "`") or "", show(item.source) }
  end
  grid({ "item", points and "points" or (set.kind == "groups" and "group" or "-"), "title",
    "definition", "data it needs", "feature", "source" }, rows)
  local pre = set.presupposes
  if type(pre) == "table" then
    para("Presupposes `" .. show(pre.id) .. "`: " .. show(pre.title)
      .. (pre.definition and (" (" .. show(pre.definition) .. ")") or "")
      .. ". Asked once the set is met; a result met without it (false or unknown) says so under "
      .. "`presupposition`. " .. (pre.required and "The verdict follows it: not met when it is false, "
        .. "indeterminate at most while it is unknown." or "The verdict does not follow it."))
  end
  if type(set.actions) == "function" then
    para("Management actions are written for each case by the `actions` function of `"
      .. rel(path) .. "` and the modules it uses; they are shown with their sources in every result.")
  end
  if type(set.distinguishing) == "table" and #set.distinguishing > 0 then
    local notes = {}
    for _, n in ipairs(set.distinguishing) do
      notes[#notes + 1] = show(n.text) .. (n.source and (" (" .. show(n.source) .. ")") or "")
    end
    para("What distinguishes it from NMS:")
    list(notes)
  end
  if set.overlap then para("When NMS criteria are met too: " .. show(set.overlap)) end
end

local SECTIONS = {
  { "criteria", "Criteria sets" },
  { "severity", "Severity tiers" },
  { "risk_factors", "Risk factors" },
  { "differentials", "Differential diagnoses and screens" },
}

local function features_section()
  local tags, order = {}, {}
  for _, entry in ipairs(S.sets) do
    if entry.field == "criteria" then
      for _, item in ipairs(entry.set.items or {}) do
        if type(item.feature) == "string" then
          if not tags[item.feature] then tags[item.feature] = {}; order[#order + 1] = item.feature end
          local t = tags[item.feature]
          t[#t + 1] = "`" .. entry.set.id .. "." .. item.id .. "`"
        end
      end
    end
  end
  table.sort(order)
  local rows = {}
  for _, f in ipairs(order) do rows[#rows + 1] = { "`" .. f .. "`", table.concat(tags[f], ", ") } end
  if #rows == 0 then return end
  heading(2, "Concordance features")
  para("Items of different criteria sets tagged with the same feature are compared for each case; "
    .. "where they disagree the result lists the disagreement.")
  grid({ "feature", "items" }, rows)
end

---------------------------------------------------------------------------
-- Drugs
---------------------------------------------------------------------------

local function class_text(c) return show(type(c) == "table" and c or { c }) end

local function drugs_section()
  local data = ctx.loaded["drugs"]
  if type(data) ~= "table" then return end
  heading(2, "Drugs")
  para("How a medication entry is classed: by its name (generic, brand or other name), else by its "
    .. "ATC code (an exact row first, then the first ATC group whose prefix matches).")
  if type(data.classes) == "table" then
    heading(3, "Classes")
    local rows = {}
    for _, id in ipairs(sorted_keys(data.classes)) do
      local c = data.classes[id]
      rows[#rows + 1] = { "`" .. id .. "`", c.title, c.source }
    end
    grid({ "class", "title", "source" }, rows)
  end
  if type(data.atc_groups) == "table" then
    heading(3, "ATC groups")
    local rows = {}
    for _, g in ipairs(data.atc_groups) do
      rows[#rows + 1] = { "`" .. show(g[1]) .. "`", class_text(g[2]), g.source }
    end
    grid({ "prefix", "class", "source" }, rows)
  end
  if type(data.drugs) == "table" then
    heading(3, "Drugs by name")
    local rows = {}
    for _, d in ipairs(data.drugs) do
      rows[#rows + 1] = { show(d[1]), show(d[2]) .. (d.atc_also and (", " .. show(d.atc_also)) or ""),
        class_text(d[3]), show(d.brands), show(d.also), show(d.potency), show(d.gen), show(d.src) }
    end
    grid({ "drug", "ATC", "class", "brands", "other names", "potency", "generation", "source" }, rows)
  end
  local depot = type(data.depot) == "table" and data.depot.products
  if type(depot) == "table" then
    heading(3, "Depot products")
    local rows = {}
    for _, p in ipairs(depot) do
      rows[#rows + 1] = { "`" .. show(p.id) .. "`", show(p.title), show(p.generic),
        p.param and ("`" .. p.param .. "`") or "", show(p.hours), show(p.src) }
    end
    grid({ "product", "title", "generic", "parameter", "acts for (h)", "source" }, rows)
  end
  local told = type(data.depot) == "table" and data.depot.by_strength
  if type(told) == "table" and #told > 0 then
    heading(3, "Depot products told by strength")
    para("A name that tells its product only by its labelled strength: a depot whose name holds one of "
      .. "the words (or, where the table says so, a depot of the product's generic that names no "
      .. "product) is this product at one of the strengths, those of the course's last dose with mg, "
      .. "else the strength its name writes; at another strength its named product stands, and with no "
      .. "strength recorded an exposure the two products would answer differently is unknown. An "
      .. "intramuscular injection of the generic at one of the strengths is this depot.")
    local by_id = {}
    for _, p in ipairs(type(depot) == "table" and depot or {}) do by_id[p.id] = p end
    local rows = {}
    for _, t in ipairs(told) do
      local p = by_id[t.product] or {}
      rows[#rows + 1] = { "`" .. show(t.product) .. "`", show(t.title), show(t.words),
        show(t.strengths_mg), t.unnamed and "yes" or "no", show(p.hours), show(t.src) }
    end
    grid({ "product", "title", "name words", "strengths (mg)", "also a depot naming no product",
      "acts for (h)", "source" }, rows)
  end
end

---------------------------------------------------------------------------

local title = show(manifest.title ~= nil and manifest.title or manifest.name)

if ctx.format == "params" then return params_text() end

if ctx.format == "params-md" then
  heading(1, ("Parameters of ruleset `%s` %s"):format(show(manifest.name), show(manifest.version)))
  para("Generated from the rule files by `nmsrules params --format md`; do not edit by hand. Every "
    .. "value a source leaves open is a parameter, with what it does and where it comes from. "
    .. "Override one for a run with `--param NAME=VALUE`; change it for good in its file. "
    .. "\"§n\" is a section of the project's clinical reference, [S#] a source listed there.")
  params_section(2)
  return render_md()
end

heading(1, title)
para(("Reference of ruleset `%s` version %s%s, generated from its rule files by `nmsrules doc`; "
  .. "do not edit by hand. Every item, rule, parameter and drug below is read from the tables the "
  .. "rules declare, so this page cannot drift from what the program evaluates."):format(
  show(manifest.name), show(manifest.version),
  manifest.status and (" (status " .. show(manifest.status) .. ")") or ""))
local contents = {}
for _, sec in ipairs(SECTIONS) do
  for _, entry in ipairs(S.sets) do
    if entry.field == sec[1] then contents[#contents + 1] = sec[2]; break end
  end
end
contents[#contents + 1] = "Concordance features"
contents[#contents + 1] = "Parameters"
if ctx.loaded["drugs"] then contents[#contents + 1] = "Drugs" end
list(contents)
for _, sec in ipairs(SECTIONS) do
  local first = true
  for _, entry in ipairs(S.sets) do
    if entry.field == sec[1] then
      if first then heading(2, sec[2]); first = false end
      set_section(entry, 3)
    end
  end
end
features_section()
heading(2, "Parameters")
para("Every value a source leaves open, with its default. Override one for a run with "
  .. "`--param NAME=VALUE`; `nmsrules params` lists those in force.")
params_section(3)
drugs_section()

if ctx.format == "html" then return render_html(title) end
if ctx.format ~= "md" then error(("unknown format '%s' (expected md or html)"):format(ctx.format)) end
return render_md()
