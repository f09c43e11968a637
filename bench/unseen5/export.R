# A fifth set of series the project has never trained or tuned on, put together on 2026-11-28 (third session)
# before any was forecast, to check the figures of the four earlier sets, which informed choices, on data
# that informed none: Texas housing sales (ggplot2's txhousing, every fifth city in alphabetical order from
# the third, whose sales have no gap: other cities than ../unseen4's), and every column of lmtest's and
# urca's time-series objects not used before that is a level, not a difference or a dummy, with 40 points
# or more. Held out as ../unseen does; ../unseen/split.R writes the files. Usage (from this folder): Rscript export.R
suppressMessages({library(ggplot2); library(lmtest); library(urca)})
data(lhur, pw561, currencysubstitution, valueofstocks, moneydemand, unemployment, ftemp, package = "lmtest",
     envir = environment())
data(UKconsumption, package = "urca", envir = environment())
source("../unseen/txhousing.R")
sources <- list(
  lhur = function() lhur[, "y"], pw561 = function() pw561[, "y"],
  logCUS = function() currencysubstitution[, "logCUS"], Iu = function() currencysubstitution[, "Iu"],
  Ic = function() currencysubstitution[, "Ic"], logY = function() currencysubstitution[, "logY"],
  RTPD = function() valueofstocks[, "RTPD"], RTPS = function() valueofstocks[, "RTPS"],
  XBC = function() valueofstocks[, "XBC"],
  Rl = function() moneydemand[, "Rl"], Rm = function() moneydemand[, "Rm"], logSpp = function() moneydemand[, "logSpp"],
  x = function() unemployment[, "x"], ftemp = function() ftemp,
  cons = function() UKconsumption[, "cons"], inc = function() UKconsumption[, "inc"],
  price = function() UKconsumption[, "price"])
specs <- list(lhur = 12, pw561 = 12, logCUS = 4, Iu = 4, Ic = 4, logY = 4, RTPD = 4, RTPS = 4, XBC = 4,
              Rl = 1, Rm = 1, logSpp = 1, x = 1, ftemp = 1, cons = 4, inc = 4, price = 4)
txadd(3)
series <- function(name) na.omit(sources[[name]]())
source("../unseen/split.R")
