local params = require "params"
local flag = require "lib.flag"

-- definite: both major items; probable: one major and MINOR minor items.
local MINOR = params["rule.minor_needed"].value

return {
  id = "rule", title = "A groups set", version = "1", citation = "test only",
  kind = "groups",
  groups = { { id = "major", title = "Major" }, { id = "minor", title = "Minor" } },
  rule = {
    { level = "definite", need = { major = "all" } },
    { level = "probable", need = { major = 1, minor = MINOR } },
  },
  items = {
    { id = "prior", group = "major", feature = "prior", title = "Prior episode",
      needs = "history.prior_nms", check = flag("prior_nms") },
    { id = "exhausted", group = "major", title = "Exhaustion",
      needs = "history.exhaustion", check = flag("exhaustion") },
    { id = "agitated", group = "minor", feature = "agitation", title = "Agitation",
      needs = "history.agitation", check = flag("agitation") },
    { id = "catatonic", group = "minor", title = "Catatonia",
      needs = "history.catatonia", check = flag("catatonia") },
  },
}
