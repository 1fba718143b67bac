local raises = setmetatable({}, { __index = function() error(42) end })

return function(case)
  if case.id == "warning_raises" then return { raises } end
  return {}
end
