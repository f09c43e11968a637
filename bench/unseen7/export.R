# A seventh set of series the project has never trained or tuned on, put together on 2026-11-28 (fourth
# session) after ../unseen6 was forecast and before any rule it suggested was tried, so that a rule chosen on
# the six earlier sets is checked on data that informed none of it. By rule: the second level column of every
# time-series object of AER whose first is in ../unseen6 (levels as there: not returns, growth, a difference,
# a weather count, a price shock measure or a seasonally adjusted copy), and Texas housing sales (ggplot2's txhousing) of every fifth
# city in alphabetical order from the fourth whose sales have no gap, cities of no earlier set. Held out as
# ../unseen does; ../unseen/split.R writes the files. Usage (from this folder): Rscript export.R
suppressMessages({library(ggplot2); library(AER)})
data(ConsumerGood, FrozenJuice, OrangeCounty, PepperPrice, TechChange, UKInflation, USConsump1993, USMacroB,
     USMacroG, USMacroSW, USMacroSWM, USMacroSWQ, USMoney, package = "AER", envir = environment())
source("../unseen/txhousing.R")
sources <- list(
  ConsumerGood.price = function() ConsumerGood[, "price"], FrozenJuice.ppi = function() FrozenJuice[, "ppi"],
  OrangeCounty.gnp = function() OrangeCounty[, "gnp"], PepperPrice.white = function() PepperPrice[, "white"],
  TechChange.clr = function() TechChange[, "clr"], UKInflation.expected = function() UKInflation[, "expected"],
  USConsump1993.expenditure = function() USConsump1993[, "expenditure"],
  USMacroB.mbase = function() USMacroB[, "mbase"], USMacroG.consumption = function() USMacroG[, "consumption"],
  USMacroSW.cpi = function() USMacroSW[, "cpi"], USMacroSWM.cpi = function() USMacroSWM[, "cpi"],
  USMacroSWQ.tbill = function() USMacroSWQ[, "tbill"], USMoney.m1 = function() USMoney[, "m1"])
specs <- lapply(sources, function(source) frequency(source()))
txadd(4)
series <- function(name) na.omit(sources[[name]]())
source("../unseen/split.R")
