# A ninth set of series the project has never trained or tuned on, put together on 2026-11-28 (fifth session)
# before any was forecast, to check a variance-stabilising transform (issue 9, item 1) on data that informed
# no choice. By rule: every level column of AER's USMacroG and USMacroSW not in ../unseen6 to ../unseen8
# (not the rates computed from other columns: USMacroG's inflation and interest), and the monthly dollar
# volume of Texas housing sales (ggplot2's txhousing) of every fifth city in alphabetical order from the
# first whose volume has no gap. Held out as ../unseen does; ../unseen/split.R writes the files.
# Usage (from this folder): Rscript export.R
suppressMessages({library(ggplot2); library(AER)})
data(USMacroG, USMacroSW, package = "AER", envir = environment())
source("../unseen/txhousing.R")
columns <- list(USMacroG = c("government", "dpi", "cpi", "m1", "tbill", "unemp", "population"),
                USMacroSW = c("tbill", "tbond", "gbpusd", "gdpjp"))
sources <- list()
for (object in names(columns)) {
  for (column in columns[[object]]) {
    local({ o <- object; c <- column; sources[[paste0(o, ".", c)]] <<- function() get(o)[, c] })
  }
}
specs <- lapply(sources, function(source) frequency(source()))
txadd(1, "volume")
series <- function(name) na.omit(sources[[name]]())
source("../unseen/split.R")
