-- Met when history.prior_nms and the broken item are both true: once
-- prior_nms is false, nothing the broken item says can change the verdict.
-- It breaks unless history.dehydration (for the cases that test something
-- else).
return {
  id = "gate", title = "Gate", version = "1", citation = "test only",
  kind = "groups",
  groups = { { id = "first", title = "First" }, { id = "second", title = "Second" } },
  rule = { { level = "yes", need = { first = "all", second = 1 } } },
  items = {
    { id = "a", group = "first", title = "A", needs = "history.prior_nms",
      check = function(case)
        local value = case.history.prior_nms
        return value, "history.prior_nms is " .. tostring(value)
      end },
    { id = "broken", group = "second", title = "Broken", needs = "nothing",
      check = function(case)
        if case.history.dehydration then return false, "intact" end
        error("this rule is broken")
      end },
  },
}
