-- Met when history.prior_nms and one of the second group are true: once
-- prior_nms is false, nothing the others say can change the verdict. The
-- broken item breaks unless history.dehydration (for the cases that test
-- something else); the exposure item (timeline and a relative --as-of
-- anchor on an item tagged "exposure") must be found with every item
-- asked, though the verdict does not need it.
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
    { id = "exposed", group = "second", title = "Exposed", needs = "medications",
      feature = "exposure",
      check = function(case)
        return #case.medications > 0, #case.medications .. " medications"
      end },
  },
}
