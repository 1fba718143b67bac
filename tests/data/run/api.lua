-- api.lua - every function of `nmsrules run`'s nms module, checked.
-- Run by tests/cli/run_script.sh with the test ruleset tests/data/rules/tri:
--   nmsrules run --rules tests/data/rules/tri api.lua COHORT HOURS_CASE OUT_DIR
-- Prints one "ok - ..." line per check; a failed check raises (exit 1).

local cohort, hours_case, out = arg[1], arg[2], arg[3]

local function check(what, cond, detail)
  if not cond then error(what .. (detail and (": " .. tostring(detail)) or ""), 2) end
  print("ok - " .. what)
end

-- arg
check("arg[0] is the script", arg[0]:match("api%.lua$"), arg[0])
check("arg holds the script's arguments", #arg == 3 and arg[3] == out)

-- nms.cases: good records, bad ones as (false, message, where)
local good, bad, where_bad = 0, 0, nil
for case, err, where in nms.cases(cohort) do
  if case then good = good + 1 else bad = bad + 1; where_bad = where .. " " .. err end
end
check("nms.cases streams every record", good == 13 and bad == 0, good .. "/" .. bad)
local f = assert(io.open(out .. "/bad.jsonl", "w"))
f:write('{"id":"a"}\nnot json\n[1]\n{"id":"b"}\n')
f:close()
good, bad = 0, 0
for case, err, where in nms.cases(out .. "/bad.jsonl") do
  if case then good = good + 1 else bad = bad + 1; where_bad = where .. " " .. err end
end
check("bad records come as (false, message, where)", good == 2 and bad == 2, where_bad)
check("where names file and line", where_bad:match("bad%.jsonl:3 not a JSON object"), where_bad)
check("nms.cases of a missing file raises",
  not pcall(nms.cases, out .. "/none.jsonl"))

-- nms.evaluate: the batch record, error records, options
local first
for case in nms.cases(cohort) do first = first or case end
local r = nms.evaluate(first)
check("evaluate gives the record", r.id == "p1" and r.criteria.four.result == "met"
  and r.criteria.four.score == 90, r.criteria.four.result)
check("the record carries the label", r.label.nms == true)
check("the record names the ruleset", r.ruleset.name == "test-tri")
local r2 = nms.evaluate(first, { params = { ["four.threshold"] = 95 } })
check("params change the verdict", r2.criteria.four.result == "not_met"
  and r2.criteria.four.threshold == 95, r2.criteria.four.result)
check("params are for that call only", nms.evaluate(first).criteria.four.threshold == 50)
check("a bad param raises", not pcall(nms.evaluate, first, { params = { nope = 1 } }))
local e = nms.evaluate({ id = "x", history = "not an object" })
check("a case that does not read gives an error record", e.error ~= nil)
check("a table JSON cannot hold raises", not pcall(nms.evaluate, { f = print }))
local hc = nms.json.decode(assert(io.open(hours_case)):read("a"))
check("as_of in hours", nms.evaluate(hc, { as_of = 30 }).assessed_at == 30)
check("as_of as 30h", nms.evaluate(hc, { as_of = "30h" }).assessed_at == 30)
check("as_of relative to onset", nms.evaluate(hc, { as_of = "+2h" }).assessed_at == 28)
check("as_of in the other form: an error record",
  nms.evaluate(hc, { as_of = "2026-01-01T00:00Z" }).error ~= nil)
check("a bad as_of raises", not pcall(nms.evaluate, hc, { as_of = "soon" }))
do  -- a placeholder date raises, as --as-of refuses it (nms_time_placeholder)
  local ok, err = pcall(nms.evaluate, hc, { as_of = "0001-01-01T00:00Z" })
  check("a placeholder as_of raises, saying why",
    not ok and tostring(err):find("dated on or before 1900-01-01", 1, true) ~= nil, err)
end

-- nms.timeline
local tl = nms.timeline(hc)
check("timeline anchor is the onset", tl.anchor.kind == "onset" and tl.anchor.t == 26)
check("timeline has a point per time", #tl.points == 13, #tl.points)
check("each point has t, h, hours and the record",
  tl.points[7].t == 30.1667 and tl.points[7].hours > 4.16 and tl.points[7].result.id)
check("no item tagged exposure: no exposure", tl.exposure == nil and tl.exposure_h == nil)
check("a case that does not read: {error}", nms.timeline({ history = 1 }).error ~= nil)
check("its error names the field, as eval does",
  (nms.timeline({ vitals = { { t = "1900-01-01T00:00Z", temp = 39 } } }).error or ""):find("^vitals%[0%]%.t: ") ~= nil,
  nms.timeline({ vitals = { { t = "1900-01-01T00:00Z", temp = 39 } } }).error)

-- nms.json
check("json.encode", nms.json.encode({ b = { 1, 2 }, a = "x" }) == '{"a":"x","b":[1,2]}')
check("json.decode", nms.json.decode('{"a":[1,null,3]}').a[3] == 3)
local ok, msg = pcall(nms.json.decode, '{"a":')
check("json.decode of bad text raises with the position", not ok and msg:match("byte"), msg)

-- nms.csv and nms.jsonl writers
local w = nms.csv.writer(out .. "/t.csv", { "id", "note", "flag" })
w:write({ id = "a", note = 'say "hi", then go', flag = true })
w:write({ "b", nil, 3 })
w:close()
local text = assert(io.open(out .. "/t.csv")):read("a")
check("csv.writer quotes as RFC 4180",
  text == 'id,note,flag\r\na,"say ""hi"", then go",true\r\nb,,3\r\n', text)
check("a closed writer raises", not pcall(w.write, w, {}))
local j = nms.jsonl.writer(out .. "/t.jsonl")
j:write({ n = 1 })
j:write("two")
j:close()
check("jsonl.writer writes one value a line",
  assert(io.open(out .. "/t.jsonl")):read("a") == '{"n":1}\n"two"\n')

-- tallies, cross-tabulations, quantiles
local t = nms.tally():add("x"):add("y", 3):add("x")
check("tally counts", t:get("x") == 2 and t.total == 5 and t:sorted()[1][1] == "y")
local x = nms.crosstab():add("r1", "c1"):add("r1", "c2", 2):add("r2", "c1")
check("crosstab counts", x:get("r1", "c2") == 2 and #x:rows() == 2 and x:cols()[2] == "c2")
check("quantile (type 7)", nms.quantile({ 1, 2, 4, 8 }, 0.25) == 1.75
  and nms.median({ 4, 1, 2, 8 }) == 3)

-- nms.ruleset
local rs = nms.ruleset()
check("ruleset", rs.name == "test-tri" and rs.version == "1.0"
  and rs.digest:match("^sha256:") and rs.sets[1].id == "four"
  and rs.sets[1].kind == "points")

-- no shell
check("no os.execute, io.popen, os.exit", os.execute == nil and io.popen == nil
  and os.exit == nil)
check("no require or debug", require == nil and debug == nil)
check("no binary chunks", not load(string.dump(function() end)))
