local flag = require "flag"
-- definite: both major; probable: one major and two of three minor.
return {
  id = "pair", title = "Pair", version = "1", citation = "test only",
  kind = "groups",
  groups = { { id = "major", title = "Major" }, { id = "minor", title = "Minor" } },
  rule = {
    { level = "definite", need = { major = "all" } },
    { level = "probable", need = { major = 1, minor = 2 } },
  },
  items = {
    { id = "a", group = "major", title = "A", needs = "history.prior_nms", feature = "alpha",
      check = flag("history", "prior_nms") },
    { id = "b", group = "major", title = "B", needs = "history.dehydration",
      check = flag("history", "dehydration") },
    { id = "c", group = "minor", title = "C", needs = "history.agitation", feature = "gamma",
      check = flag("history", "agitation") },
    { id = "d", group = "minor", title = "D", needs = "history.catatonia",
      check = flag("history", "catatonia") },
    { id = "e", group = "minor", title = "E", needs = "history.exhaustion",
      check = flag("history", "exhaustion") },
  },
}
