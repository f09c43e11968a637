# Series the project has never trained or tuned on, from R's own datasets package, held out as
# ../../../shared/peers/r_baselines.R holds out ../data: the last 24 monthly, 8 quarterly or 10 other
# points; split.R writes the files.
# Usage (from this folder): Rscript export.R   Needs Debian's r-base-core and r-cran-forecast.
# Univariate, without missing values, long enough for a window and a held-out horizon; series of
# ../data (and their parts, such as UKDriverDeaths of Seatbelts) left out. Very long ones keep their last 600.
specs <- list(AirPassengers = 12, co2 = 12, ldeaths = 12, mdeaths = 12, fdeaths = 12, UKgas = 4, austres = 4,
              BJsales = 1, WWWusage = 1, lh = 1, treering = 1, sunspot.month = 12)
series <- function(name) get(name, envir = asNamespace("datasets"))
source("split.R")
