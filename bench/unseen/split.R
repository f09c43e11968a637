# The held-out split shared by export.R here and in ../unseen2, sourced after they define `specs` (name =
# frequency) and `series(name)` (the ts): writes <name>.csv (time,value; names without parentheses),
# catalog.csv (name,frequency) and r-baselines.csv (R forecast's seasonal naive, ETS, auto.arima and Theta
# on the split, scored as ../../../shared/peers/r_baselines.R scores them). Very long series keep their last 600.
suppressMessages(library(forecast))
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
  y <- series(name)
  y <- ts(as.numeric(y), start = start(y), frequency = f)
  name <- gsub("[()]", "", name)
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
