local flag = require "flag"
-- A points set sharing features with pair: alpha reads the same flag as
-- pair.a (they always agree), gamma reads another one (they may not).
return {
  id = "other", title = "Other", version = "1", citation = "test only",
  kind = "points", threshold = 2,
  items = {
    { id = "f", points = 1, title = "F", needs = "history.prior_nms", feature = "alpha",
      check = flag("history", "prior_nms") },
    { id = "g", points = 1, title = "G", needs = "history.restraints", feature = "gamma",
      check = flag("history", "restraints") },
  },
}
