# A sixth set of series the project has never trained or tuned on, put together on 2026-11-28 (fourth
# session) before any was forecast, to check on data that informed no choice the figures of the five earlier
# sets and the open question of bench/README.md's "A fifth hold-out" (the network chosen alone). By rule:
# from every time-series object of AER (Kleiber and Zeileis, Applied Econometrics with R) with a season of
# 1, 4 or 12 and 40 points or more, its first column that is a level (not returns, growth or a difference;
# the unadjusted one where both are given; where one object extends another, the longer: MotorCycles2),
# and Texas housing sales (ggplot2's txhousing) of every fifth city in alphabetical order from the second
# whose sales have no gap, cities of neither ../unseen4 nor ../unseen5. Held out as ../unseen does;
# ../unseen/split.R writes the files. Usage (from this folder): Rscript export.R
suppressMessages({library(ggplot2); library(AER)})
data(ArgentinaCPI, BondYield, ConsumerGood, DutchSales, FrozenJuice, GermanUnemployment, MotorCycles2,
     OrangeCounty, PepperPrice, TechChange, UKInflation, UKNonDurables, USConsump1993, USMacroB, USMacroG,
     USMacroSW, USMacroSWM, USMacroSWQ, USMoney, USProdIndex, USStocksSW, package = "AER", envir = environment())
source("../unseen/txhousing.R")
sources <- list(
  ArgentinaCPI = function() ArgentinaCPI, BondYield = function() BondYield,
  ConsumerGood = function() ConsumerGood[, "distribution"], DutchSales = function() DutchSales,
  FrozenJuice = function() FrozenJuice[, "price"], GermanUnemployment = function() GermanUnemployment[, "unadjusted"],
  MotorCycles2 = function() MotorCycles2, OrangeCounty = function() OrangeCounty[, "employment"],
  PepperPrice = function() PepperPrice[, "black"], TechChange = function() TechChange[, "output"],
  UKInflation = function() UKInflation[, "actual"], UKNonDurables = function() UKNonDurables,
  USConsump1993 = function() USConsump1993[, "income"], USMacroB = function() USMacroB[, "gnp"],
  USMacroG = function() USMacroG[, "gdp"], USMacroSW = function() USMacroSW[, "unemp"],
  USMacroSWM = function() USMacroSWM[, "production"], USMacroSWQ = function() USMacroSWQ[, "gdp"],
  USMoney = function() USMoney[, "gnp"], USProdIndex = function() USProdIndex[, "unadjusted"],
  USStocksSW = function() USStocksSW[, "dividend"])
specs <- lapply(sources, function(source) frequency(source()))
txadd(2)
series <- function(name) na.omit(sources[[name]]())
source("../unseen/split.R")
