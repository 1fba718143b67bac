local params = require "params"
local flag = require "lib.flag"

return {
  id = "score", title = "A points set", version = "1", citation = "test only",
  kind = "points",
  total = 5,
  threshold = params["score.threshold"].value,
  items = {
    { id = "prior", points = 1, feature = "prior", title = "Prior episode",
      needs = "history.prior_nms", check = flag("prior_nms") },
    { id = "dehydrated", points = 1, title = "Dehydration",
      needs = "history.dehydration", check = flag("dehydration") },
    { id = "agitated", points = 2, feature = "agitation", title = "Agitation",
      needs = "history.agitation", check = flag("agitation") },
  },
}
