local _, real = pairs(string)
real.upper = function() return "pwned" end
return ("a"):upper() == "A", tostring(real)
