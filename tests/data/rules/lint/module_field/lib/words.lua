-- A helper module of plain functions (as rules/lib's are), for the
-- module-field check: criteria/score.lua calls words.siad for words.said.
local W = {}

function W.said(name) return "history." .. name end

return W
