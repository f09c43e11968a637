# Coverage of R forecast's own 80 % and 95 % intervals (ets and auto.arima) on the held-out ends of the benchmark
# sets, on the split AccuracyBenchmark uses (the last 24 monthly, 8 quarterly or 10 other points), pooled by point.
# Usage (from bench/): Rscript r_coverage.R data unseen unseen2 unseen3   Needs Debian's r-cran-forecast.
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
tot <- list()
for (set in args) {
  rb <- read.csv(file.path(set, "r-baselines.csv"))
  rb <- rb[!duplicated(rb$series), ]
  for (i in seq_len(nrow(rb))) {
    name <- rb$series[i]; f <- rb$freq[i]; h <- rb$h[i]
    d <- read.csv(file.path(set, paste0(name, ".csv")))
    if (!("value" %in% names(d))) next
    y <- d$value; y <- y[!is.na(y)]
    if (length(y) > 600) y <- tail(y, 600)
    y <- ts(y, frequency = f); n <- length(y)
    train <- ts(y[1:(n - h)], frequency = f); test <- y[(n - h + 1):n]
    for (m in c("ets", "arima")) {
      fc <- if (m == "ets") forecast(ets(train), h = h, level = c(80, 95)) else forecast(auto.arima(train), h = h, level = c(80, 95))
      in80 <- sum(test >= fc$lower[, 1] & test <= fc$upper[, 1]); in95 <- sum(test >= fc$lower[, 2] & test <= fc$upper[, 2])
      key <- paste(basename(set), m)
      tot[[key]] <- (if (is.null(tot[[key]])) c(0, 0, 0) else tot[[key]]) + c(in80, in95, h)
    }
  }
}
show <- function(k, v) cat(sprintf("%-24s %5.1f %5.1f  (%d points)\n", k, 100 * v[1] / v[3], 100 * v[2] / v[3], v[3]))
cat("set method               in 80 % in 95 %\n")
for (k in names(tot)) show(k, tot[[k]])
for (m in c("ets", "arima")) {  # every set given, pooled by point
  keys <- names(tot)[endsWith(names(tot), paste0(" ", m))]
  show(paste("pooled", m), Reduce(`+`, tot[keys]))
}
