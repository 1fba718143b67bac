-- Always mild; the actions are what the test reads.
local raises = setmetatable({}, { __index = function() error(42) end })

return {
  id = "severity", title = "Tier", version = "1", citation = "test only",
  kind = "groups",
  groups = { { id = "always", title = "Always" } },
  rule = { { level = "mild", need = { always = 1 } } },
  items = {
    { id = "s", group = "always", title = "S", needs = "nothing",
      check = function() return true, "always" end },
  },
  actions = function(case)
    if case.id == "action_raises" then return { raises } end
    if case.id == "many_actions" then
      local entry, list = { text = "", source = "" }, {}
      for i = 1, 1001 do list[i] = entry end
      return list
    end
    if case.id == "long_action" then
      return { { text = ("t"):rep(16385), source = "test" } }
    end
    return { { text = "an action", source = "test" } }
  end,
}
