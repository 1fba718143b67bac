-- Met like the others; what it presupposes raises when history.restraints
-- is true (the case fails, naming the set and the presupposition).
local set = require("set")("broken", false)
set.presupposes.check = function(case)
  if case.history.restraints then error("presupposition broke") end
  return true, "fine"
end
return set
