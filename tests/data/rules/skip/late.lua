-- Exposure (an item tagged "exposure", which timeline and a relative
-- --as-of anchor on) asked only when history.prior_nms leaves the verdict
-- open: an anchor must be found with every item asked.
return {
  id = "late", title = "Late exposure", version = "1", citation = "test only",
  kind = "groups",
  groups = { { id = "first", title = "First" }, { id = "second", title = "Second" } },
  rule = { { level = "yes", need = { first = "all", second = 1 } } },
  items = {
    { id = "a", group = "first", title = "A", needs = "history.prior_nms",
      check = function(case)
        local value = case.history.prior_nms
        return value, "history.prior_nms is " .. tostring(value)
      end },
    { id = "exposed", group = "second", title = "Exposed", needs = "medications",
      feature = "exposure",
      check = function(case)
        return #case.medications > 0, #case.medications .. " medications"
      end },
  },
}
