# A fourth set of series the project has never trained or tuned on, put together on 2026-11-28 after every
# design decision the other sets informed, to measure how far their figures carry: Texas housing sales
# (ggplot2's txhousing, every fifth city in alphabetical order whose sales have no gap), UK driver deaths,
# US Treasury rates (tseries' tcm, the maturities not in ../unseen2), the monthly US indices of lmtest, and
# the quarterly Danish, Finnish and UK series of urca and lmtest not in ../unseen3. Series are chosen by
# these rules alone, before any was forecast. Held out as ../unseen does; ../unseen/split.R writes the files.
# Usage (from this folder): Rscript export.R
suppressMessages({library(ggplot2); library(lmtest); library(urca); library(tseries)})
data(jocci, fyff, gmdc, ip, bondyield, package = "lmtest", envir = environment())
data(denmark, finland, UKpppuip, package = "urca", envir = environment())
data(tcm, package = "tseries", envir = environment())
source("../unseen/txhousing.R")
quarterly <- function(frame, column, start) ts(frame[[column]], start = start, frequency = 4)
sources <- list(
  UKDriverDeaths = function() UKDriverDeaths,
  tcm1y = function() tcm[, "tcm1y"], tcm5y = function() tcm[, "tcm5y"],
  jocci = function() jocci[, "y"], fyff = function() fyff[, "y"], gmdc = function() gmdc[, "y"],
  ipi = function() ip[, "y"],
  LPY = function() quarterly(denmark, "LPY", c(1974, 1)), IDE = function() quarterly(denmark, "IDE", c(1974, 1)),
  lnmr = function() quarterly(finland, "lnmr", c(1958, 2)), difp = function() quarterly(finland, "difp", c(1958, 2)),
  p2 = function() quarterly(UKpppuip, "p2", c(1971, 1)), i1 = function() quarterly(UKpppuip, "i1", c(1971, 1)),
  i2 = function() quarterly(UKpppuip, "i2", c(1971, 1)),
  RAARUS = function() bondyield[, "RAARUS"], bondY = function() bondyield[, "Y"])
specs <- list(UKDriverDeaths = 12, tcm1y = 12, tcm5y = 12, jocci = 12, fyff = 12, gmdc = 12, ipi = 12,
              LPY = 4, IDE = 4, lnmr = 4, difp = 4, p2 = 4, i1 = 4, i2 = 4, RAARUS = 4, bondY = 4)
txadd(1)
series <- function(name) na.omit(sources[[name]]())
source("../unseen/split.R")
