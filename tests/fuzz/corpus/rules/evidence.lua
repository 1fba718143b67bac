local parts = {}
for i, v in ipairs(case.vitals) do parts[#parts + 1] = string.format("%s=%d", tostring(v), i) end
return #parts > 0, table.concat(parts, ", ") .. tostring(math.random())
