-- An item check whose value is <record>.<name> of the case (true, false,
-- or nil when absent).
return function(record, name)
  return function(case)
    local value = case[record][name]
    return value, record .. "." .. name .. " is " .. tostring(value)
  end
end
