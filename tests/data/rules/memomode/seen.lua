local heard = require "heard"

return {
  id = "seen", title = "Seen", version = "1", citation = "test only",
  kind = "points", threshold = 1,
  items = {
    { id = "a", points = 1, title = "A", needs = "history.agitation",
      check = function(case)
        local f = heard(case, "agitation")
        return f.value, f.evidence
      end },
  },
}
