-- A test ruleset for the C helpers of rules/lib (nms.join, nms.list,
-- nms.at_least, nms.tally, nms.part, nms.evaluate, nms.answer): its one
-- item runs the probe the case id names (probes.lua), an agreement check
-- against the Lua versions they replace (oracle.lua) or an attack.
return { name = "test-helpers", version = "1.0", criteria = { "probes" } }
