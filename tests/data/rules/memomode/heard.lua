-- history[field] as a finding, remembered per case (nms.memoize, as
-- lib/memo.lua's memo.wrap): its evidence is "" when nobody reads it.
return nms.memoize(function(case, field)
  local v = case.history[field]
  return { value = v, evidence = nms.evidence() and ("history." .. field .. " is " .. tostring(v)) or "" }
end)
