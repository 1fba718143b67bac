-- classify(med): the classes of a medication by its ATC code: an exact
-- row first, else the first group whose prefix matches.
local data = require "drugs"
local M = {}

function M.classify(med)
  local atc = med.atc or ""
  for _, row in ipairs(data.drugs) do
    if row[2] == atc then
      return { recognised = true, classes = { [row[3]] = true }, class_list = { row[3] } }
    end
  end
  for _, g in ipairs(data.atc_groups) do
    if atc:sub(1, #g[1]) == g[1] then
      return { recognised = true, classes = { [g[2]] = true }, class_list = { g[2] } }
    end
  end
  return { recognised = false, classes = {}, class_list = {} }
end

return M
