local heard = require "heard"

-- The one item: history.agitation as the remembered helper gives it.
local function agitation(case)
  local f = heard(case, "agitation")
  return f.value, f.evidence
end

-- Mild when history.agitation; the one action quotes the helper's evidence.
return {
  id = "severity", title = "Tier", version = "1", citation = "test only", kind = "groups",
  groups = { { id = "heard", title = "Heard" } },
  rule = { { level = "mild", need = { heard = 1 } } },
  items = { { id = "s", group = "heard", title = "S", needs = "history.agitation", check = agitation } },
  actions = function(case)
    return { { text = "quoted: " .. heard(case, "agitation").evidence, source = "test" } }
  end,
}
