# An eighth set of series the project has never trained or tuned on, put together on 2026-11-28 (fourth
# session) after the rule "the network never alone" was chosen and checked on ../unseen7, as a second check of
# it on data that informed nothing. By rule: the third level column of every time-series object of AER whose
# first is in ../unseen6 (levels as in ../unseen7; ConsumerGood's share, since its price is in ../unseen7), and
# Texas housing sales (ggplot2's txhousing) of every fifth city in alphabetical order from the fifth whose sales
# have no gap, cities of no earlier set. Held out as ../unseen does; ../unseen/split.R writes the files.
# Usage (from this folder): Rscript export.R
suppressMessages({library(ggplot2); library(AER)})
data(ConsumerGood, TechChange, USMacroB, USMacroG, USMacroSW, USMacroSWM, USMoney, package = "AER",
     envir = environment())
source("../unseen/txhousing.R")
sources <- list(
  ConsumerGood.share = function() ConsumerGood[, "share"], TechChange.technology = function() TechChange[, "technology"],
  USMacroB.tbill = function() USMacroB[, "tbill"], USMacroG.invest = function() USMacroG[, "invest"],
  USMacroSW.ffrate = function() USMacroSW[, "ffrate"], USMacroSWM.expenditure = function() USMacroSWM[, "expenditure"],
  USMoney.deflator = function() USMoney[, "deflator"])
specs <- lapply(sources, function(source) frequency(source()))
txadd(5)
series <- function(name) na.omit(sources[[name]]())
source("../unseen/split.R")
