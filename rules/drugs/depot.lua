-- drugs/depot.lua - depot (long-acting injectable) antipsychotic products:
-- the words that mark a depot in a medication name, and each product's
-- duration of action (a parameter depot.<id>_h, params/core.lua, where its
-- numbers are sourced). lib/drugs.lua reads these; lib/meds.lua applies the
-- duration the same way for every set that asks about exposure.
--
-- A course is a depot when its route is "depot" or its name carries one of
-- `marks` (ester, brand or "depot"/"LAI" words). Its product is the one of
-- its generic whose `words` the name contains; a depot that names no
-- product takes the longest-acting product of its generic (e.g. "paliperidone
-- palmitate" may be the 1-, 3- or 6-monthly one), and a generic without a
-- listed product (zuclopenthixol decanoate, flupentixol decanoate,
-- pipotiazine palmitate) takes depot.default_h.
--
-- Product names: [B5] MSD Manual depot table; [B6] PMC8316655 Table 2;
-- [B7] JAAPL LAI comparison table; the newer products each from its
-- prescribing information or SmPC, [B28]-[B34], [B49] (see drugs.lua).
--
-- `by_strength`: a name that tells its product only by its labelled
-- strength. An entry names a product above (whose duration it takes), the
-- words of the name and the strengths; lib/drugs.lua reads the course's
-- dose, else the name's, and at another or an unknown strength the name's
-- other product stands. With `unnamed`, a depot of the generic whose name
-- names no product at all ("aripiprazole 960 mg", route depot) is told by
-- its strength too; a name of another product (Aristada) never is.
--
-- A brand whose label was read (generic, route, interval) but whose
-- release profile (Tmax, half-life) was not is a mark with no product of
-- its own (Rykindo, Risvan/Okedi, Erzofri): it is a depot of its generic
-- and takes that generic's longest-acting product, as any depot that
-- names no listed product does, rather than its dosing interval alone,
-- which would end a long release early (Risperdal Consta, injected every
-- 2 weeks, peaks 28-35 days after an injection [B6]).

return {
  -- Words of a name that mark a depot (after lower-casing; "long acting" is
  -- matched as two words).
  marks = { "decanoate", "enanthate", "palmitate", "pamoate", "lauroxil", "consta", "maintena",
    "sustenna", "trinza", "relprevv", "aristada", "modecate", "microspheres", "depot", "lai",
    "long acting",
    -- EU names of the same products [B17][B23]: Xeplion = Invega Sustenna,
    -- Trevicta = Invega Trinza, Zypadhera = Zyprexa Relprevv
    "xeplion", "trevicta", "zypadhera",
    -- Newer long-acting injectables, each an extended-release (EU:
    -- prolonged-release) injectable suspension by its label or SmPC
    -- (session 16): Invega Hafyera / EU Byannli
    -- (paliperidone palmitate 6-monthly) [B28], Abilify Asimtufii
    -- (aripiprazole 2-monthly) [B29], Perseris [B30], Uzedy [B31], Rykindo
    -- [B32], Risvan / EU Okedi [B33] (risperidone), Erzofri (paliperidone
    -- palmitate monthly) [B34]
    "hafyera", "byannli", "asimtufii", "perseris", "uzedy", "rykindo", "risvan", "okedi", "erzofri" },

  products = {
    { id = "haloperidol_decanoate", generic = "haloperidol", title = "haloperidol decanoate",
      words = { "decanoate" }, src = "[B5][B6]" },
    { id = "fluphenazine_decanoate", generic = "fluphenazine", title = "fluphenazine decanoate",
      words = { "decanoate", "modecate" }, src = "[B5][B7]" },
    { id = "fluphenazine_enanthate", generic = "fluphenazine", title = "fluphenazine enanthate",
      words = { "enanthate" }, src = "[B5]" },
    { id = "olanzapine_pamoate", generic = "olanzapine", title = "olanzapine pamoate (Zyprexa Relprevv)",
      words = { "pamoate", "relprevv", "zypadhera" }, src = "[B5][B6][B7]" },
    { id = "risperidone_microspheres", generic = "risperidone",
      title = "risperidone long-acting microspheres (Risperdal Consta)",
      words = { "consta", "microspheres" }, src = "[B5][B6][B7]" },
    { id = "paliperidone_palmitate_1m", generic = "paliperidone",
      title = "paliperidone palmitate once-monthly (Invega Sustenna)",
      words = { "sustenna", "xeplion" }, src = "[B5][B6][B7]; Xeplion [B17][B23]" },
    { id = "paliperidone_palmitate_3m", generic = "paliperidone",
      title = "paliperidone palmitate 3-monthly (Invega Trinza)",
      words = { "trinza", "trevicta" }, src = "[B6][B7]; Trevicta [B23]" },
    { id = "aripiprazole_monohydrate", generic = "aripiprazole",
      title = "aripiprazole monohydrate once-monthly (Abilify Maintena)",
      words = { "maintena", "monohydrate" }, src = "[B5][B6]" },
    { id = "aripiprazole_lauroxil", generic = "aripiprazole", title = "aripiprazole lauroxil (Aristada)",
      words = { "lauroxil", "aristada" }, src = "[B6]" },
    { id = "paliperidone_palmitate_6m", generic = "paliperidone",
      title = "paliperidone palmitate 6-monthly (Invega Hafyera)",
      words = { "hafyera", "byannli" }, src = "[B28]" },
    { id = "aripiprazole_2m", generic = "aripiprazole", title = "aripiprazole 2-monthly (Abilify Asimtufii)",
      words = { "asimtufii" }, src = "[B29]" },
    { id = "risperidone_perseris", generic = "risperidone",
      title = "risperidone extended-release subcutaneous once-monthly (Perseris)",
      words = { "perseris" }, src = "[B30]" },
    { id = "risperidone_uzedy", generic = "risperidone",
      title = "risperidone extended-release subcutaneous monthly or 2-monthly (Uzedy)",
      words = { "uzedy" }, src = "[B31]" },
  },

  by_strength = {
    -- The EU sells the 2-monthly aripiprazole under the once-monthly name:
    -- Abilify Maintena 960 mg is given "once every 2 months (every 56
    -- days)", 720 mg is the same 2-monthly product, while the monthly
    -- Maintena is 400 mg (300 mg, or 200 mg, where the dose is reduced)
    -- [B49]. So the name alone does not tell the product, its labelled
    -- strength does: the dose injected (the course's last dose with mg),
    -- else the strength the name writes. Exact strengths, not a floor:
    -- the monthly product's "two injection start" gives two 400 mg
    -- injections on one day [B49], which a chart may write as 800 mg. An
    -- unknown strength keeps the monthly product (in the US the 2-monthly
    -- product has its own name, Abilify Asimtufii [B29]).
    -- However the record names it (session-18 leftover): the SmPC names
    -- the product by its substance and strength, "960 mg aripiprazole"
    -- [B49], and Abilify Asimtufii is "960 mg, administered once every 2
    -- months" [B29]. So the strength tells the product whatever words
    -- name the substance: "aripiprazole monohydrate 960 mg" (a word the
    -- monthly product's entry above reads as that product) and a depot
    -- "aripiprazole 960 mg" that names no product are the 2-monthly
    -- product too. A name of Aristada (aripiprazole lauroxil), another
    -- product, is never told by strength: its strengths are 441, 662, 882
    -- and 1064 mg [B50], none 720 or 960.
    -- Nor is a course with no route and no word of any product
    -- ("aripiprazole 960 mg", route not recorded; session 20): the same
    -- SmPC's overdose section reports acute oral overdoses "with reported
    -- estimated doses up to 1,260 mg (41 times highest recommended daily
    -- aripiprazole dose)" [B49], so 720 or 960 mg alone may be tablets
    -- taken at once; it stays a course of the drug as written (the depot
    -- only with route depot or IM, `unnamed` above).
    { product = "aripiprazole_2m", words = { "maintena", "monohydrate" }, unnamed = true,
      strengths_mg = { 720, 960 },
      title = "aripiprazole 2-monthly (EU: Abilify Maintena 720 mg or 960 mg)", src = "[B49][B29]" },
  },
}
