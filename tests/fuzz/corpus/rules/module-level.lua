end
local kept = {}
return function(case)
  kept[#kept + 1] = ("y"):rep(1 << 16)
  return #kept < 3, "kept " .. #kept, "more"
