-- lint.lua - `nmsrules check`: what a loaded ruleset declares but the
-- loader accepts silently. Run by core/lua/tools.c inside the ruleset's own
-- Lua state after a successful load, with one argument `ctx`:
--   ctx.loaded     the sandbox's loaded modules, by module name
--   ctx.dir        the ruleset directory
--   ctx.base       the names every rule may read (the sandbox base)
--   ctx.read(path) the text of a file, or nil
--   ctx.field(p)   true when dotted path p is a field of the case format,
--                  else false and the closest field name, if any
--   ctx.closest(list, name)  the entry of list closest to name, or nil
--   ctx.emit(file, line, kind, message)
--   ctx.source     the rule files and where things are written (source.lua)
-- It only reads the ruleset's tables, never calls a rule.

local ctx = ...

local S = ctx.source
local files, order, by_path, index = S.files, S.order, S.by_path, S.index
local esc, first, locate, row_line = S.esc, S.first, S.locate, S.row_line

local n_findings = 0
local function finding(path, line, kind, fmt, ...)
  n_findings = n_findings + 1
  ctx.emit(path, line or 0, kind, fmt:format(...))
end

---------------------------------------------------------------------------
-- Schemas: the keys each table of the DSL may have (docs/rules.md)
---------------------------------------------------------------------------

local function keys(list)
  local s = {}
  for _, k in ipairs(list) do s[k] = true end
  s.__list = list
  return s
end

local SCHEMA = {
  manifest = keys { "name", "version", "title", "status", "params", "criteria", "severity",
    "risk_factors", "warnings", "differentials", "description" },
  set = keys { "id", "title", "version", "citation", "kind", "threshold", "total", "groups",
    "rule", "items", "actions", "screen", "distinguishing", "overlap", "note", "presupposes" },
  item = keys { "id", "title", "definition", "needs", "feature", "source", "points", "group",
    "check" },
  presupposes = keys { "id", "title", "definition", "needs", "required", "check" },
  group = keys { "id", "title" },
  alternative = keys { "level", "need" },
  note = keys { "text", "source" },
  -- the loader keeps a parameter's own value as `default` under --param
  param = keys { "value", "unit", "doc", "source", "default" },
  drug = keys { "gen", "potency", "brands", "also", "src", "atc_also", "atc_note" },
  atc_group = keys { "source" },
  class = keys { "title", "source" },
  -- lib/drugs.lua adds param and hours to each product when it loads.
  depot = keys { "id", "generic", "title", "words", "src", "param", "hours", "note" },
}

-- Reports every key of table t that schema s does not know, located at the
-- first `key =` after line `from` of module `module`.
local function check_keys(t, s, what, module, from)
  if type(t) ~= "table" then return end
  local unknown = {}
  for k in pairs(t) do
    if type(k) == "string" and not s[k] then unknown[#unknown + 1] = k end
  end
  table.sort(unknown)
  for _, k in ipairs(unknown) do
    do
      local path, line = locate("%f[%w_]" .. esc(k) .. "%s*=[^=]", module, from)
      local near = ctx.closest(s.__list, k)
      finding(path, line, "unknown-key", "%s: unknown key '%s'%s", what, k,
        near and (" (did you mean '" .. near .. "'?)") or "")
    end
  end
end

local function blank(v) return type(v) ~= "string" or not v:find("%S") end

---------------------------------------------------------------------------
-- Sets
---------------------------------------------------------------------------

local manifest = ctx.loaded["ruleset"]
local sets = S.sets      -- { module, set, field } in result order

-- Alternative b is never the first met when an earlier alternative a asks
-- for no more in any group than b does: whenever b holds, a holds.
local function implied_by(a, b)
  for g, count in pairs(a.need or {}) do
    local other = b.need and b.need[g]
    if other == nil then return false end
    if count == "all" and other ~= "all" then return false end
    if count ~= "all" and other ~= "all" and count > other then return false end
  end
  return true
end

local function check_rule(set, module, sizes)
  for i, alt in ipairs(set.rule or {}) do
    local from = select(2, row_line(module, set.id))
    check_keys(alt, SCHEMA.alternative, ("set '%s': rule %d"):format(set.id, i), module, from)
    for j = 1, i - 1 do
      local a = set.rule[j]
      if type(a) == "table" and type(alt) == "table" and implied_by(a, alt) then
        local path, line = locate("level%s*=%s*[\"']" .. esc(tostring(alt.level)) .. "[\"']", module, from)
        finding(path, line, "unreachable", "set '%s': rule %d%s is never the first met: "
          .. "rule %d%s asks for no more and comes first", set.id, i,
          alt.level and (" (" .. alt.level .. ")") or "", j, a.level and (" (" .. a.level .. ")") or "")
        break
      end
    end
  end
  local _ = sizes
end

local function check_points(set, module)
  local total = 0
  for _, item in ipairs(set.items or {}) do
    if type(item) == "table" and type(item.points) == "number" then total = total + item.points end
  end
  local path, line = locate("threshold%s*=", module)
  if type(set.threshold) == "number" then
    if set.threshold > total then
      finding(path, line, "unreachable", "set '%s': threshold %g is more than all its items' "
        .. "points together (%g): no case can meet it", set.id, set.threshold, total)
    elseif set.threshold <= 0 then
      finding(path, line, "always", "set '%s': threshold %g is met by every case, even with no "
        .. "item true", set.id, set.threshold)
    end
  end
  if type(set.total) == "number" and set.total ~= total then
    path, line = locate("total%s*=", module)
    finding(path, line, "points", "set '%s': the items' points add up to %g, not the declared "
      .. "total %g", set.id, total, set.total)
  end
end

local features = {}      -- feature -> { {set, item, module}, ... }

local function check_set(entry)
  local set, module = entry.set, entry.module
  local path = files[module] and files[module].path or module
  check_keys(set, SCHEMA.set, ("set '%s'"):format(tostring(set.id)), module)
  for _, field in ipairs({ "title", "version", "citation" }) do
    if blank(set[field]) then
      finding(path, select(2, locate(field .. "%s*=", module)), "metadata",
        "set '%s': '%s' is empty", tostring(set.id), field)
    end
  end
  for i, g in ipairs(set.groups or {}) do
    local p, l = row_line(module, tostring(g.id))
    check_keys(g, SCHEMA.group, ("set '%s': group %d"):format(set.id, i), module, l)
    local _ = p
  end
  check_keys(set.presupposes, SCHEMA.presupposes, ("set '%s': presupposes"):format(set.id), module)
  for _, n in ipairs(type(set.distinguishing) == "table" and set.distinguishing or {}) do
    check_keys(n, SCHEMA.note, ("set '%s': distinguishing"):format(set.id), module)
  end
  for _, item in ipairs(set.items or {}) do
    if type(item) == "table" then
      local ipath, iline = row_line(module, tostring(item.id))
      local what = ("set '%s': item '%s'"):format(set.id, tostring(item.id))
      check_keys(item, SCHEMA.item, what, module, iline)
      if blank(item.title) then finding(ipath, iline, "metadata", "%s: 'title' is empty", what) end
      if item.source ~= nil and blank(item.source) then
        finding(ipath, iline, "metadata", "%s: 'source' is empty", what)
      end
      if entry.field == "criteria" and type(item.feature) == "string" then
        local list = features[item.feature] or {}
        list[#list + 1] = { set = set.id, item = item.id, path = ipath, line = iline }
        features[item.feature] = list
      end
    end
  end
  if set.kind == "points" then check_points(set, module) end
  if set.kind == "groups" then check_rule(set, module) end
end

-- A concordance feature compares the criteria sets that tag an item with
-- it; a tag no other set uses compares nothing (a misspelt tag quietly
-- drops the item out of the concordance).
local function check_features()
  local names = {}
  for f in pairs(features) do names[#names + 1] = f end
  table.sort(names)
  for _, f in ipairs(names) do
    local list = features[f]
    local sets_of, n = {}, 0
    for _, t in ipairs(list) do
      if not sets_of[t.set] then sets_of[t.set] = true; n = n + 1 end
    end
    -- A feature only one set tags is fine when no other tag is close to it
    -- (DSM-IV-TR alone names mutism); close to one, it is a misspelling.
    local others = {}
    for _, g in ipairs(names) do if g ~= f then others[#others + 1] = g end end
    local near = n < 2 and ctx.closest(others, f)
    if near then
      for _, t in ipairs(list) do
        finding(t.path, t.line, "feature", "set '%s': item '%s': concordance feature '%s' is "
          .. "tagged in no other criteria set, so it is compared with nothing (did you mean "
          .. "'%s'?)", t.set, t.item, f, near)
      end
    end
  end
end

---------------------------------------------------------------------------
-- Parameters
---------------------------------------------------------------------------

local function check_params()
  local pmod = manifest.params
  local params = type(pmod) == "string" and ctx.loaded[pmod]
  if type(params) ~= "table" then return end
  local names = {}
  for name in pairs(params) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do
    local entry = params[name]
    local path, line = first(index.decl, name)
    if not path then path, line = ctx.dir, 0 end
    local what = ("parameter '%s'"):format(name)
    if type(entry) == "table" then
      check_keys(entry, SCHEMA.param, what, by_path[path], line)
      for _, field in ipairs({ "doc", "source" }) do
        if blank(entry[field]) then
          finding(path, line, "metadata", "%s: no '%s'", what, field)
        end
      end
    end
    -- Read: its name written anywhere but in its own declaration, or
    -- built from its first part ("depot." .. id .. "_h").
    local read = index.named[name] or index.built[name:match("^[^.]*%.") or name]
    if not read then
      finding(path, line, "unused", "%s is declared but no rule file reads it", what)
    end
  end
end

---------------------------------------------------------------------------
-- Drugs
---------------------------------------------------------------------------

-- ATC codes that catch a class pattern written as a bare prefix: the
-- antipsychotic group N05A includes lithium (N05AN01) and pimavanserin
-- (N05AX17, no D2 blockade), and metoclopramide (A03FA01) is a dopamine
-- antagonist outside N05A.
local TRAPS = {
  { atc = "N05AN01", name = "lithium", not_class = "antipsychotic",
    why = "N05A includes lithium (N05AN01), which is not an antipsychotic" },
  { atc = "N05AX17", name = "pimavanserin", not_class = "antipsychotic",
    why = "N05A includes pimavanserin (N05AX17), which does not block D2 receptors" },
  { atc = "A03FA01", name = "metoclopramide", known = true,
    why = "metoclopramide (A03FA01) is a dopamine antagonist outside N05A" },
}

local function check_drug_rows(list, module)
  for _, row in ipairs(list) do
    if type(row) == "table" and type(row[1]) == "string" then
      local rpath, rline = row_line(module, row[1])
      -- The row's own file: rows live in several modules, and a key looked
      -- for in another (a comment naming it) was reported there.
      check_keys(row, SCHEMA.drug, ("drug '%s'"):format(row[1]), by_path[rpath] or module, rline)
      for k in pairs(row) do
        if type(k) == "number" and k > 3 then
          finding(rpath, rline, "unknown-key", "drug '%s': more than three positional fields "
            .. "(name, ATC, class)", row[1])
          break
        end
      end
      if blank(row.src) then finding(rpath, rline, "metadata", "drug '%s': no 'src'", row[1]) end
    end
  end
end

local function check_drugs()
  local data = ctx.loaded["drugs"]
  if type(data) ~= "table" then return end
  -- Rows are written in the modules drugs.lua requires; find each row in
  -- whichever file names it.
  local modules = {}
  for _, m in ipairs(order) do
    if m:match("^drugs%.") then modules[#modules + 1] = m end
  end
  check_drug_rows(data.drugs or {}, modules[1])
  for _, g in ipairs(data.atc_groups or {}) do
    if type(g) == "table" and type(g[1]) == "string" then
      local _, gl = row_line("drugs", g[1])
      check_keys(g, SCHEMA.atc_group, ("ATC group '%s'"):format(g[1]), "drugs", gl)
    end
  end
  for id, c in pairs(data.classes or {}) do
    local _, cl = locate("%f[%w_]" .. esc(tostring(id)) .. "%s*=", "drugs")
    check_keys(c, SCHEMA.class, ("class '%s'"):format(tostring(id)), "drugs", cl)
  end
  for _, p in ipairs(type(data.depot) == "table" and data.depot.products or {}) do
    if type(p) == "table" then
      local _, pl = row_line("drugs.depot", tostring(p.id))
      check_keys(p, SCHEMA.depot, ("depot product '%s'"):format(tostring(p.id)), "drugs.depot", pl)
    end
  end
  local lib = ctx.loaded["lib.drugs"]
  if type(lib) ~= "table" or type(lib.classify) ~= "function" then return end
  for _, trap in ipairs(TRAPS) do
    local ok, info = pcall(lib.classify, { atc = trap.atc })
    if ok and type(info) == "table" then
      local classes = info.classes or {}
      local bad = (trap.not_class and classes[trap.not_class])
        or (trap.known and (not info.recognised or next(classes) == nil
          or (classes.other and not next(classes, next(classes)))))
      if bad then
        local path, line = locate('["\']' .. esc(trap.atc:sub(1, 4)) .. '["\']', "drugs")
        if line == 0 then path, line = locate("atc_groups%s*=", "drugs") end
        finding(path, line, "drug-class", "ATC %s (%s) is %s: %s; give it a row of its own or a "
          .. "more specific group first", trap.atc, trap.name,
          next(classes) and ("classed as " .. table.concat(info.class_list or {}, ", "))
            or "not recognised", trap.why)
      end
    end
  end
end

---------------------------------------------------------------------------
-- Case fields and globals, read from the rule files' text
---------------------------------------------------------------------------

-- The text of a Lua file with comments and string contents blanked (line
-- breaks kept), so that names can be scanned.
local function code_only(text)
  local out, i, n = {}, 1, #text
  local function blank_to(j)
    out[#out + 1] = text:sub(i, j):gsub("[^\n]", " ")
    i = j + 1
  end
  while i <= n do
    local c = text:sub(i, i)
    local long = text:match("^%[(=*)%[", i)
    if text:sub(i, i + 1) == "--" then
      local eq = text:match("^%-%-%[(=*)%[", i)
      if eq then
        local _, e = text:find("]" .. eq .. "]", i, true)
        blank_to(e or n)
      else
        local e = text:find("\n", i, true)
        blank_to((e or n + 1) - 1)
      end
    elseif long then
      local _, e = text:find("]" .. long .. "]", i, true)
      out[#out + 1] = '""'
      i = i + 2
      blank_to(e or n)
    elseif c == '"' or c == "'" then
      local j = i + 1
      while j <= n do
        local d = text:sub(j, j)
        if d == "\\" then j = j + 2
        elseif d == c or d == "\n" then break
        else j = j + 1 end
      end
      out[#out + 1] = c .. text:sub(i + 1, j - 1):gsub("[^\n]", " ") .. c
      i = j + 1
    else
      local j = text:find("[%-%[\"']", i + 1) or n + 1
      out[#out + 1] = text:sub(i, j - 1)
      i = j
    end
  end
  return table.concat(out)
end

local KEYWORDS = keys { "and", "break", "do", "else", "elseif", "end", "false", "for",
  "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then",
  "true", "until", "while", "self", "_ENV" }

-- Every name a file declares anywhere (locals, functions, parameters, loop
-- variables): scopes are not followed, so a name is taken as declared if
-- it is declared somewhere in the file.
local function declared(code)
  local d = {}
  -- Line by line: the sandbox's pattern guard refuses patterns with
  -- several quantifiers over a whole file.
  -- (the lines by plain finds: even "[^\n]+" over a whole file is more
  -- than the guard allows)
  local pos = 1
  while pos <= #code do
    local nl = code:find("\n", pos, true) or #code + 1
    local text = code:sub(pos, nl - 1)
    pos = nl + 1
    for list in text:gmatch("%f[%w_]local%s+([%w_,%s<>]+)") do
      for name in list:gmatch("[%a_][%w_]*") do
        if name == "function" then break end
        d[name] = true
      end
    end
    for name in text:gmatch("%f[%w_]function%s+([%a_][%w_]*)") do d[name] = true end
    for params in text:gmatch("%f[%w_]function[%s%w_.:]*(%b())") do
      for name in params:gmatch("[%a_][%w_]*") do d[name] = true end
    end
    for list in text:gmatch("%f[%w_]for%s+([%w_,%s]+)%f[%w_]in%f[^%w_]") do
      for name in list:gmatch("[%a_][%w_]*") do d[name] = true end
    end
    for name in text:gmatch("%f[%w_]for%s+([%a_][%w_]*)%s*=") do d[name] = true end
  end
  return d
end

-- The locals a file binds to a loaded module (`local exam =
-- require("lib.exam")`), by local name: the module's table, when it is a
-- plain table (no metatable that could answer other names).
local function modules_of(text)
  local m = {}
  for name, mod in text:gmatch("local%s+([%a_][%w_]*)%s*=%s*require%s*%(?%s*[\"']([^\"']+)[\"']") do
    local t = ctx.loaded[mod]
    if type(t) == "table" and getmetatable(t) == nil then m[name] = { mod = mod, t = t } end
  end
  return m
end

-- The names a module table holds, sorted, for "did you mean".
local function names_of(t)
  local list = {}
  for k in pairs(t) do
    if type(k) == "string" then list[#list + 1] = k end
  end
  table.sort(list)
  return list
end

local function scan_file(name)
  local f = files[name]
  local code = code_only(f.text)
  local d = declared(code)
  local mods = modules_of(f.text)
  local seen = {}
  local line, pos = 1, 1
  for s, word, e in code:gmatch("()([%a_][%w_]*)()") do
    local before = code:sub(s > 40 and s - 40 or 1, s - 1)
    local _, nl = code:sub(pos, s - 1):gsub("\n", "")
    line, pos = line + nl, s
    local prev = before:match("([^%s])%s*$")
    local prev2 = before:match("([^%s][^%s])%s*$")
    local member = prev == ":" or (prev == "." and prev2 ~= "..")
    local key = code:find("^%s*=[^=]", e)
    local digit = before:match("[%w_]$")
    if not (member or key or digit or KEYWORDS[word] or d[word] or seen[word]) then
      if rawget(ctx.base, word) == nil then
        seen[word] = true
        finding(f.path, line, "global", "'%s' is neither local nor a name the sandbox offers: "
          .. "reading it fails when a case reaches this line", word)
      end
    end
    -- exam.levle(...) loads, and fails every case that reaches it
    local mod = not member and mods[word]
    if mod then
      local field = code:sub(e, e + 80):match("^%.([%a_][%w_]*)")
      if field and rawget(mod.t, field) == nil and not seen[word .. "." .. field] then
        seen[word .. "." .. field] = true
        local near = ctx.closest(names_of(mod.t), field)
        finding(f.path, line, "module-field", "%s.%s: module '%s' has no '%s'%s; calling or reading "
          .. "it fails when a case reaches this line", word, field, mod.mod, field,
          near and (" (did you mean '" .. near .. "'?)") or "")
      end
    end
    if word == "case" and not member then
      local top, sub = code:sub(e, e + 80):match("^%.([%a_][%w_]*)%.?([%w_]*)")
      local path = top and (sub ~= "" and top .. "." .. sub or top)
      if top == "time_form" then path = nil end
      local ok, near = true, nil
      if path then ok, near = ctx.field(path) end
      if not ok and not seen["case." .. path] then
        seen["case." .. path] = true
        finding(f.path, line, "case-field", "case.%s is not a field of the case format%s", path,
          near and (" (did you mean '" .. near .. "'?)") or "")
      end
    end
  end
end

---------------------------------------------------------------------------

check_keys(manifest, SCHEMA.manifest, "ruleset", "ruleset")
if blank(manifest.title) then
  finding(files.ruleset and files.ruleset.path or ctx.dir, 1, "metadata", "ruleset: no 'title'")
end
for _, entry in ipairs(sets) do check_set(entry) end
check_features()
check_params()
check_drugs()
for _, name in ipairs(order) do
  if files[name] then scan_file(name) end
end
return n_findings
