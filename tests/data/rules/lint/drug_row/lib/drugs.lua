-- classify(med) as in the drugs overlay, after checking every row's class
-- the way the shipped rules/lib/drugs.lua does (an error without a place).
local data = require "drugs"
local M = {}

for _, row in ipairs(data.drugs) do
  if not data.classes[row[3]] then
    error(("drugs: '%s' has unknown class '%s'"):format(row[1], tostring(row[3])), 0)
  end
end

function M.classify()
  return { recognised = false, classes = {}, class_list = {} }
end

return M
