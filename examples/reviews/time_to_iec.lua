-- time_to_iec.lua - hours from the first dopamine-antagonist dose (or
-- dopaminergic withdrawal: the first time the ruleset finds exposure) to
-- the first time IEC 2011 is met, per case and over the cohort.
--
--   nmsrules run examples/reviews/time_to_iec.lua COHORT.jsonl
--
-- Each case is evaluated as of every time in its record (nms.timeline), so
-- this costs one evaluation per time point. Times print as the case
-- writes them: ISO 8601, or hours.

local hours = {}
local never, unexposed = 0, 0

for case in nms.cases(arg[1] or "-") do
  if case then
    local tl = nms.timeline(case)
    local first
    for _, p in ipairs(tl.points or {}) do
      if p.result.criteria and p.result.criteria.iec2011.result == "met" then
        first = p
        break
      end
    end
    local id = case.id or "?"
    if tl.error then
      print(string.format("%-12s error: %s", id, tl.error))
    elseif not tl.exposure_h then
      unexposed = unexposed + 1
      print(string.format("%-12s no exposure found", id))
    elseif not first then
      never = never + 1
      print(string.format("%-12s exposed %s, IEC never met", id, tl.exposure))
    else
      local h = first.h - tl.exposure_h
      hours[#hours + 1] = h
      print(string.format("%-12s exposed %s, IEC met %s: %.1f h", id,
        tl.exposure, first.t, h))
    end
  end
end

print()
print(string.format("IEC met in %d exposed cases, never in %d; %d without exposure",
  #hours, never, unexposed))
if #hours > 0 then
  print(string.format("hours from exposure to IEC met: median %.1f, quartiles %.1f-%.1f",
    nms.median(hours), nms.quantile(hours, 0.25), nms.quantile(hours, 0.75)))
end
