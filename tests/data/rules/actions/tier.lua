-- Always mild; the actions are what the test reads.
return {
  id = "severity", title = "Tier", version = "1", citation = "test only",
  kind = "groups",
  groups = { { id = "always", title = "Always" } },
  rule = { { level = "mild", need = { always = 1 } } },
  items = {
    { id = "s", group = "always", title = "S", needs = "nothing",
      check = function() return true, "always" end },
  },
  actions = function()
    local reads = 0
    local changing = setmetatable({}, { __index = function(_, key)
      reads = reads + 1
      return key .. " read " .. reads
    end })
    return { { text = "before\0after", source = "test" }, changing }
  end,
}
