local t = case.vitals and case.vitals[1] and case.vitals[1].temp
if t == nil then return nil, "no temperature", "a temperature" end
return t >= 38, ("temperature %.1f"):format(t)
