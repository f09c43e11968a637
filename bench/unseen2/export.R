# A second set of series the project has never trained or tuned on, from the tseries package's data
# (Debian's r-cran-tseries): the Nelson-Plosser annual US macro series, quarterly USeconomic, monthly
# El Nino indices and ten-year treasury yields, and Beveridge's wheat prices. Held out as
# ../../../shared/peers/r_baselines.R holds out ../data: the last 24 monthly, 8 quarterly or 10 other
# points. Writes <name>.csv (time,value), catalog.csv (name,frequency) and r-baselines.csv (R forecast's
# seasonal naive, ETS, auto.arima and Theta on the same split, as r_baselines.R scores them).
# Usage (from this folder): Rscript export.R   Needs Debian's r-base-core, r-cran-forecast, r-cran-tseries.
suppressMessages(library(forecast))
suppressMessages(library(tseries))
data(NelPlo, USeconomic, nino, tcm, bev, package = "tseries", envir = environment())
# Univariate; leading missing values dropped; very long ones keep their last 600.
specs <- list(cpi = 1, ip = 1, gnp.nom = 1, vel = 1, emp = 1, int.rate = 1, nom.wages = 1, gnp.def = 1,
              money.stock = 1, gnp.real = 1, stock.prices = 1, gnp.capita = 1, real.wages = 1, unemp = 1,
              bev = 1, "log(M1)" = 4, "log(GNP)" = 4, rs = 4, rl = 4, nino3 = 12, nino3.4 = 12, tcm10y = 12)
files <- function(name) gsub("[()]", "", name)
horizon <- function(f) if (f == 12) 24 else if (f == 4) 8 else 10
mase <- function(train, test, fc, f) {
  m <- if (length(train) > f) f else 1
  mean(abs(test - fc)) / mean(abs(diff(train, lag = m)))
}
smape <- function(test, fc) 200 * mean(abs(test - fc) / (abs(test) + abs(fc)))
catalog <- data.frame(name = character(), frequency = integer())
rows <- c("series,n,freq,h,method,mase,smape,rmse")
for (name in names(specs)) {
  f <- specs[[name]]
  y <- if (name %in% colnames(USeconomic)) USeconomic[, name] else get(name)
  y <- na.omit(y)
  y <- ts(as.numeric(y), start = start(y), frequency = f)
  name <- files(name)
  if (length(y) > 600) y <- ts(tail(as.numeric(y), 600), end = end(y), frequency = f)
  write.csv(data.frame(time = as.numeric(time(y)), value = as.numeric(y)), paste0(name, ".csv"), row.names = FALSE)
  catalog <- rbind(catalog, data.frame(name = name, frequency = f))
  n <- length(y); h <- horizon(f)
  train <- window(y, end = time(y)[n - h]); test <- as.numeric(window(y, start = time(y)[n - h + 1]))
  fcs <- list(
    naive = as.numeric(if (f > 1) snaive(train, h = h)$mean else naive(train, h = h)$mean),
    ets = as.numeric(forecast(ets(train), h = h)$mean),
    arima = as.numeric(forecast(auto.arima(train), h = h)$mean),
    theta = as.numeric(thetaf(train, h = h)$mean))
  for (m in names(fcs)) {
    fc <- fcs[[m]]
    rows <- c(rows, sprintf("%s,%d,%d,%d,%s,%.4f,%.3f,%.4f", name, n, f, h, m,
                            mase(as.numeric(train), test, fc, f), smape(test, fc), sqrt(mean((test - fc)^2))))
  }
}
write.csv(catalog, "catalog.csv", row.names = FALSE, quote = FALSE)
writeLines(rows, "r-baselines.csv")
