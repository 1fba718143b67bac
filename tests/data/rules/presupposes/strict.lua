return require("set")("strict", true)
