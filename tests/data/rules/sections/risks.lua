local flag = require "flag"
return {
  id = "risk_factors", title = "Risks", version = "1", citation = "test only",
  kind = "checklist",
  items = {
    { id = "dehydration", title = "Dehydration", needs = "history.dehydration", source = "test source 1",
      check = flag("history", "dehydration") },
    { id = "agitation", title = "Agitation", needs = "history.agitation", source = "test source 2",
      check = flag("history", "agitation") },
  },
}
