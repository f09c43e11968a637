# Texas housing sales (ggplot2's txhousing) for the held-out sets: `txsales(city)` is one city's monthly
# sales (or another column: `volume`, the sales' dollar value), and `txadd(first)` adds to the calling
# script's `sources` and `specs` every fifth city in alphabetical order from the `first`, those whose
# sales (or the column asked for) have no gap, as `tx.<City>` (`txvolume.<City>` for the volume). Sourced by the export.R of
# ../unseen4 to ../unseen9 after loading ggplot2 and defining `sources` and `specs`.
txsales <- function(city, column = "sales") {
  rows <- txhousing[txhousing$city == city, ]
  rows <- rows[order(rows$year, rows$month), ]
  ts(rows[[column]], start = c(rows$year[1], rows$month[1]), frequency = 12)
}
txadd <- function(first, column = "sales") {
  cities <- sort(unique(txhousing$city))
  prefix <- if (column == "sales") "tx." else paste0("tx", column, ".")
  for (city in Filter(function(city) !anyNA(txsales(city, column)), cities[seq(first, length(cities), by = 5)])) {
    name <- paste0(prefix, gsub("[^A-Za-z]", "", city))
    local({ one <- city; sources[[name]] <<- function() txsales(one, column) })
    specs[[name]] <<- 12
  }
}
