-- params/criteria.lua - parameters of the criteria rules (see params.lua).

return {
}
