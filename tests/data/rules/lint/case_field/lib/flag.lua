-- An item check whose value is case.history.<name> (true, false, or nil
-- when absent).
return function(name)
  return function(case)
    local value = case.histroy and case.history[name]
    return value, "history." .. name .. " is " .. tostring(value)
  end
end
