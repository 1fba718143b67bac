-- params/risk.lua - parameters of the risk rules (see params.lua).

return {
}
