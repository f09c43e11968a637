# A second set of series the project has never trained or tuned on, from the tseries package's data
# (Debian's r-cran-tseries): the Nelson-Plosser annual US macro series, quarterly USeconomic, monthly
# El Nino indices and ten-year treasury yields, and Beveridge's wheat prices. Held out as
# ../../../shared/peers/r_baselines.R holds out ../data: the last 24 monthly, 8 quarterly or 10 other
# points; ../unseen/split.R writes the files.
# Usage (from this folder): Rscript export.R   Needs Debian's r-base-core, r-cran-forecast, r-cran-tseries.
suppressMessages(library(tseries))
data(NelPlo, USeconomic, nino, tcm, bev, package = "tseries", envir = environment())
# Univariate; leading missing values dropped; very long ones keep their last 600.
specs <- list(cpi = 1, ip = 1, gnp.nom = 1, vel = 1, emp = 1, int.rate = 1, nom.wages = 1, gnp.def = 1,
              money.stock = 1, gnp.real = 1, stock.prices = 1, gnp.capita = 1, real.wages = 1, unemp = 1,
              bev = 1, "log(M1)" = 4, "log(GNP)" = 4, rs = 4, rl = 4, nino3 = 12, nino3.4 = 12, tcm10y = 12)
series <- function(name) na.omit(if (name %in% colnames(USeconomic)) USeconomic[, name] else get(name))
source("../unseen/split.R")
