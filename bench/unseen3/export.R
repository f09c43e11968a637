# A third set of series the project has never trained or tuned on, from R packages Debian ships
# (r-cran-ggplot2, r-cran-lmtest, r-cran-urca, r-cran-ttr, and R's datasets): US monthly economics,
# annual and quarterly macro and money series, a daily stock price, and a few classics not in ../data,
# ../unseen or ../unseen2. Held out as ../unseen does; ../unseen/split.R writes the files.
# Usage (from this folder): Rscript export.R
suppressMessages({library(ggplot2); library(lmtest); library(urca); library(TTR)})
data(ChickEgg, unemployment, moneydemand, valueofstocks, package = "lmtest", envir = environment())
data(denmark, finland, UKpppuip, package = "urca", envir = environment())
data(ttrc, package = "TTR", envir = environment())
monthly <- function(column) ts(economics[[column]], start = c(1967, 7), frequency = 12)
quarterly <- function(frame, column, start) ts(frame[[column]], start = start, frequency = 4)
sources <- list(
  pce = function() monthly("pce"), pop = function() monthly("pop"), psavert = function() monthly("psavert"),
  uempmed = function() monthly("uempmed"), unemploy = function() monthly("unemploy"),
  chicken = function() ChickEgg[, "chicken"], egg = function() ChickEgg[, "egg"],
  UN = function() unemployment[, "UN"], p = function() unemployment[, "p"], G = function() unemployment[, "G"],
  m = function() unemployment[, "m"],
  logM = function() moneydemand[, "logM"], logYp = function() moneydemand[, "logYp"],
  Rs = function() moneydemand[, "Rs"],
  VST = function() valueofstocks[, "VST"], MB = function() valueofstocks[, "MB"],
  LRM = function() quarterly(denmark, "LRM", c(1974, 1)), LRY = function() quarterly(denmark, "LRY", c(1974, 1)),
  IBO = function() quarterly(denmark, "IBO", c(1974, 1)),
  lrm1 = function() quarterly(finland, "lrm1", c(1958, 2)), lny = function() quarterly(finland, "lny", c(1958, 2)),
  p1 = function() quarterly(UKpppuip, "p1", c(1971, 1)), e12 = function() quarterly(UKpppuip, "e12", c(1971, 1)),
  freeny.y = function() freeny.y, airmiles = function() airmiles, BJsales.lead = function() BJsales.lead,
  ttrc = function() ts(ttrc$Close))
specs <- list(pce = 12, pop = 12, psavert = 12, uempmed = 12, unemploy = 12, chicken = 1, egg = 1, UN = 1,
              p = 1, G = 1, m = 1, logM = 1, logYp = 1, Rs = 1, VST = 4, MB = 4, LRM = 4, LRY = 4, IBO = 4,
              lrm1 = 4, lny = 4, p1 = 4, e12 = 4, freeny.y = 4, airmiles = 1, BJsales.lead = 1, ttrc = 1)
series <- function(name) na.omit(sources[[name]]())
source("../unseen/split.R")
